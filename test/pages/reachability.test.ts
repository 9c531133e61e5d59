// Every page of app.json is reached by taps from the tab bar, for each role it serves (SPEC: hq staff who never
// registered included). The walk renders each page per role against the demo world, taps everything on it (a
// list's first rows), and follows every navigation with its query, native <navigator> links included.
//
// Adding a role (e.g. a new appointment with its own demo openid): add it to `Role` in reach/pages.ts and to
// the roles of the pages it serves there, then add a row to ROLES below with its openid and, when the demo seed
// does not already make it, a setup that makes it through the real functions (as `hq (registered)` registers).
// The row gives the role its own `it`; nothing else changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closePage, loadPage, MINIPROGRAM_ROOT, relationsPerLoad, textOf, type PageHandle } from '../helpers/page';
import { declineEverything, tapEverything, type Explored } from './reach/explore';
import { PAGES, type Role } from './reach/pages';
import { reachWorld, type ReachWorld } from './reach/world';

interface RoleRow {
  openid: string;
  /** Listed in HQ_OPENIDS, as headquarters staff are. */
  hq?: boolean;
  /** Makes the role in the seeded world, before any walk. */
  setup?: (world: ReachWorld, openid: string) => Promise<void>;
}

const ROLES: Record<Role, RoleRow> = {
  visitor: { openid: 'demo-visitor' },
  volunteer: { openid: 'demo-volunteer' },
  leader: { openid: 'demo-leader' },
  coordinator: { openid: 'demo-coordinator' }, // the seed appoints them to 石岐区 and 东区
  hq: { openid: 'demo-hq', hq: true }, // the seed's hq never registers
  'hq (registered)': {
    openid: 'reach-hq-registered',
    hq: true,
    setup: (world, openid) => world.register(openid, '总队小陈'),
  },
};

const app = JSON.parse(readFileSync(join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as {
  pages: string[];
  subpackages: { root: string; pages: string[] }[];
  tabBar: { list: { pagePath: string }[] };
};
const appPages = [...app.pages, ...app.subpackages.flatMap((s) => s.pages.map((p) => s.root + p))];
const tabs = app.tabBar.list.map((t) => t.pagePath);

relationsPerLoad();
const handles = new Map<string, PageHandle>();
function handle(route: string): PageHandle {
  const known = handles.get(route) ?? loadPage(route, { fresh: true });
  handles.set(route, known);
  return known;
}

/** What tapping a page gave, by route, query and what it showed: a page that shows the same is tapped once. */
const explored = new Map<string, Explored>();

interface Walk {
  /** Each page the role reached, with the tap chain that got there (`我的 → … → page`). */
  reached: Map<string, string[]>;
  /** `page: element: error` of each tap that threw. */
  errors: string[];
}

async function walk(world: ReachWorld, role: Role): Promise<Walk> {
  world.actAs(ROLES[role].openid);
  const reached = new Map<string, string[]>(tabs.map((t) => [t, [t]]));
  const queue = tabs.map((t) => ({ route: t, query: {} as Record<string, string> }));
  const errors: string[] = [];
  while (queue.length) {
    const { route, query } = queue.shift()!;
    if (!appPages.includes(route)) continue;
    const page = await handle(route).open(query);
    await world.quiet();
    const key = `${route}?${new URLSearchParams(query).toString()} ${textOf(page)}`;
    world.tapping(true);
    const result = explored.get(key) ?? (await tapEverything(page, () => world.quiet()));
    world.tapping(false);
    explored.set(key, result);
    (page.instance as { onUnload?: () => void }).onUnload?.();
    closePage(page);
    errors.push(...result.errors.map((e) => `${route}: ${e}`));
    for (const url of result.urls) {
      const [path, search = ''] = url.replace(/^\//, '').split('?');
      if (reached.has(path)) continue;
      reached.set(path, [...reached.get(route)!, path]);
      queue.push({ route: path, query: Object.fromEntries(new URLSearchParams(search)) });
    }
  }
  return { reached, errors };
}

describe('every role reaches its pages by taps from the tab bar', () => {
  let world: ReachWorld;
  beforeAll(async () => {
    const rows = Object.values(ROLES);
    world = await reachWorld(rows.filter((r) => r.hq).map((r) => r.openid));
    for (const row of rows) await row.setup?.(world, row.openid);
    declineEverything();
  }, 60000);
  afterAll(() => world.stop());

  it('places every page of app.json (a new page needs a role and an entry in test/pages/reach/pages.ts)', () => {
    expect(appPages.filter((p) => !PAGES[p])).toEqual([]);
    expect(Object.keys(PAGES).filter((p) => !appPages.includes(p))).toEqual([]);
  });

  it.each(Object.keys(ROLES) as Role[])(
    '%s reaches every page it serves',
    async (role) => {
      const { reached, errors } = await walk(world, role);
      const missing = Object.entries(PAGES)
        .filter(([page, p]) => p.roles.includes(role) && (p.entry ?? 'tap') === 'tap' && !reached.has(page))
        .map(([page, p]) => `${page} (${p.why})`);
      const paths = [...reached.values()].map((chain) => chain.join(' → '));
      const report = `${role} cannot reach by taps:\n  ${missing.join('\n  ')}\nreached:\n  ${paths.join('\n  ')}`;
      expect(missing.length === 0 ? '' : report).toBe('');
      expect(errors).toEqual([]);
      expect(world.wrote).toEqual([]);
    },
    120000,
  );
});
