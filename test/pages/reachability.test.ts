// Every page of app.json is reached by taps from the tab bar, for each role it serves (SPEC: hq staff who never
// registered included). The walk renders each page once per role against the demo world, taps everything on it,
// and follows every navigation with its query.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPage, MINIPROGRAM_ROOT, type PageHandle } from '../helpers/page';
import { declineEverything, tapEverything } from './reach/explore';
import { PAGES, type Role } from './reach/pages';
import { HQ_REGISTERED, reachWorld, type ReachWorld } from './reach/world';

const OPENID: Record<Role, string> = {
  visitor: 'demo-visitor',
  volunteer: 'demo-volunteer',
  leader: 'demo-leader',
  hq: 'demo-hq', // the seed's hq never registers
  'hq (registered)': HQ_REGISTERED,
};

const app = JSON.parse(readFileSync(join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as {
  pages: string[];
  subpackages: { root: string; pages: string[] }[];
  tabBar: { list: { pagePath: string }[] };
};
const appPages = [...app.pages, ...app.subpackages.flatMap((s) => s.pages.map((p) => s.root + p))];
const tabs = app.tabBar.list.map((t) => t.pagePath);

/** Roles walked so far; hq pages make Vant's relations throw under the simulator once left behind. */
const WALKED: Role[] = ['visitor', 'volunteer', 'leader'];

const handles = new Map<string, PageHandle>();
function handle(route: string): PageHandle {
  const known = handles.get(route) ?? loadPage(route, { fresh: true });
  handles.set(route, known);
  return known;
}

/** Each page the role reached, with the tap chain that got there (`我的 → … → page`). */
async function walk(world: ReachWorld, role: Role): Promise<Map<string, string[]>> {
  world.actAs(OPENID[role]);
  const reached = new Map<string, string[]>(tabs.map((t) => [t, [t]]));
  const queue = tabs.map((t) => ({ route: t, query: {} as Record<string, string> }));
  while (queue.length) {
    const { route, query } = queue.shift()!;
    if (!appPages.includes(route)) continue;
    const page = await handle(route).open(query);
    await world.quiet();
    world.tapping(true);
    const urls = await tapEverything(page, () => world.quiet());
    world.tapping(false);
    // Left attached: Vant's relations throw when a page with tabs is detached under the simulator.
    (page.instance as { onUnload?: () => void }).onUnload?.();
    for (const url of urls) {
      const [path, search = ''] = url.replace(/^\//, '').split('?');
      if (reached.has(path)) continue;
      reached.set(path, [...reached.get(route)!, path]);
      queue.push({ route: path, query: Object.fromEntries(new URLSearchParams(search)) });
    }
  }
  return reached;
}

describe('every role reaches its pages by taps from the tab bar', () => {
  let world: ReachWorld;
  beforeAll(async () => {
    world = await reachWorld();
    declineEverything();
  }, 60000);
  afterAll(() => world.stop());

  it('places every page of app.json (a new page needs a role and an entry in test/pages/reach/pages.ts)', () => {
    expect(appPages.filter((p) => !PAGES[p])).toEqual([]);
    expect(Object.keys(PAGES).filter((p) => !appPages.includes(p))).toEqual([]);
  });

  it.each(WALKED)(
    '%s reaches every page it serves',
    async (role) => {
      const reached = await walk(world, role);
      const missing = Object.entries(PAGES)
        .filter(([page, p]) => p.roles.includes(role) && (p.entry ?? 'tap') === 'tap' && !reached.has(page))
        .map(([page, p]) => `${page} (${p.why})`);
      const paths = [...reached.values()].map((chain) => chain.join(' → '));
      const report = `${role} cannot reach by taps:\n  ${missing.join('\n  ')}\nreached:\n  ${paths.join('\n  ')}`;
      expect(missing.length === 0 ? '' : report).toBe('');
      expect(world.wrote).toEqual([]);
    },
    240000,
  );
});
