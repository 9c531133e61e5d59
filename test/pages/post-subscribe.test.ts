// After a sign-up the post page asks, in the same tap, for the reminder and notice templates and reports what the
// user accepted; a refusal is remembered so the next sign-up does not ask again.
import { loadPage, settle, tap, textOf, waitFor, waitForText } from '../helpers/page';
import { postsWorld, type PostsWorld } from './posts-world';
import { g, promptAnswering, templatesFetched } from './subscribe-prompt';

async function grants(world: PostsWorld, postId: string): Promise<string[]> {
  const reply = (await world.cloud.db.handle('database.getDocument', {
    collectionName: 'subscriptions',
    queryType: 'WHERE',
    query: JSON.stringify({ subject: { $regex: `^signup:${postId}:` } }),
    limit: 100,
  })) as { list: string[] };
  return reply.list.map((doc) => (JSON.parse(doc) as { templateId: string }).templateId).sort();
}

describe('subscription after sign-up', () => {
  let world: PostsWorld;
  const postPage = loadPage('pages/post/index');

  beforeAll(async () => {
    world = await postsWorld('subscribe');
    await world.register('sub-a', '陈一');
  });
  afterAll(() => world.stop());
  afterEach(() => {
    delete g.wx.requestSubscribeMessage;
    (g.wx.removeStorageSync as (key: string) => void)('boai:subscribe-declined');
  });

  it('asks for both templates in the sign-up tap and reports the accepted ones', async () => {
    const post = await world.post({ quota: 3 });
    const asked = promptAnswering('accept');
    world.actAs('sub-a');
    const page = await postPage.open({ postId: post.postId });
    await waitForText(page, '探访独居长者');
    await templatesFetched(world);
    await tap(page.querySelector('#post-signup')!, '.signup-button__main');
    await waitFor(page, () => textOf(page.querySelector('#post-signup')!).includes('已报名'), { what: '已报名' });
    expect(asked).toEqual([{ tmplIds: ['local-reminder-template', 'local-notice-template'] }]);
    for (const end = Date.now() + 20_000; Date.now() < end && (await grants(world, post.postId)).length < 2;)
      await settle();
    expect(await grants(world, post.postId)).toEqual(['local-notice-template', 'local-reminder-template']);
    await settle();
    page.detach();
  });

  it('respects a refusal: nothing is reported and the next sign-up does not ask again', async () => {
    const first = await world.post({
      quota: 3,
      title: '义剪服务',
      startAt: Date.now() + 72 * 3_600_000,
      endAt: Date.now() + 73 * 3_600_000,
    });
    const second = await world.post({
      quota: 3,
      title: '义诊服务',
      startAt: Date.now() + 96 * 3_600_000,
      endAt: Date.now() + 97 * 3_600_000,
    });
    const asked = promptAnswering('reject');
    world.actAs('sub-a');
    for (const post of [first, second]) {
      const page = await postPage.open({ postId: post.postId });
      await waitForText(page, post.title);
      await templatesFetched(world);
      await tap(page.querySelector('#post-signup')!, '.signup-button__main');
      await waitFor(page, () => textOf(page.querySelector('#post-signup')!).includes('已报名'), { what: '已报名' });
      await settle();
      page.detach();
    }
    expect(asked).toHaveLength(1);
    expect(await grants(world, first.postId)).toEqual([]);
  });
});
