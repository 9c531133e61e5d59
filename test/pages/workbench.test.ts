// 大队工作台 against the real local cloud: its four tabs, and from an ended, unrecorded service to 服务情况录入.
// (我的 → 大队工作台 is in me.test.ts: in one file, pages loaded after another page lose their Vant buttons.)
import { loadPage, tap, textOf, waitForText, wxCalls, type PageHandle, type RenderedPage } from '../helpers/page';
import { postsWorld, type PostsWorld } from './posts-world';
import { servedPost } from './timebank-pages-world';

/** Opens `page` with the query of the last navigateTo, once it asked for that page, as WeChat would. */
function followLink(page: PageHandle, route: string): Promise<RenderedPage> {
  const last = wxCalls.at(-1);
  const [path, search = ''] = (last?.args as { url?: string } | undefined)?.url?.split('?') ?? [];
  if (last?.api !== 'navigateTo' || path !== route)
    throw new Error(`no navigation to ${route}: ${JSON.stringify(last)}`);
  return page.open(Object.fromEntries(new URLSearchParams(search)));
}

describe('大队工作台 page (leader)', () => {
  let world: PostsWorld;
  const workbenchPage = loadPage('leader/pages/workbench/index');
  const recordPage = loadPage('leader/pages/record/index');

  beforeAll(async () => {
    world = await postsWorld('workbench');
    await world.register('workbench-a', '林一');
    await servedPost(world, ['workbench-a'], '长者助餐服务');
    await world.post({ title: '周末环保宣传' });
    world.actAs(world.leader);
  });
  afterAll(() => world.stop());

  it('takes a leader from an ended, unrecorded service to 服务情况录入', async () => {
    const workbench = await workbenchPage.open();
    await waitForText(workbench, '周末环保宣传');
    expect(textOf(workbench)).not.toContain('长者助餐服务');

    await tap(workbench, '#wb-tab-unrecorded');
    await waitForText(workbench, '长者助餐服务');
    expect(textOf(workbench)).toContain('已报名 1 人 · 待录入');
    expect(textOf(workbench)).not.toContain('周末环保宣传');
    expect(textOf(workbench)).not.toContain('签到码');

    await tap(workbench, '.wb-post__record');
    const record = await followLink(recordPage, '/leader/pages/record/index');
    await waitForText(record, '林一');
    expect(textOf(record)).toContain('长者助餐服务');
    record.detach();
    workbench.detach();
  });

  it('opens each tool of the brigade with the brigade chosen', async () => {
    const workbench = await workbenchPage.open();
    await waitForText(workbench, '周末环保宣传');
    const opened: string[] = [];
    for (const id of ['#wb-post-form', '#wb-members', '#wb-invite', '#wb-groups', '#wb-stats', '#wb-scan']) {
      await tap(workbench, id);
      opened.push((wxCalls.at(-1)?.args as { url: string }).url);
    }
    const brigadeId = world.brigade.brigadeId;
    expect(opened).toEqual(
      ['post-form', 'members', 'invite', 'groups', 'stats', 'scan'].map(
        (p) => `/leader/pages/${p}/index?brigadeId=${brigadeId}`,
      ),
    );
    workbench.detach();
  });
});
