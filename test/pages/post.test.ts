// 招募详情 against the real local cloud: the sign-up button walks through its states.
import { loadPage, settle, tap, textOf, waitFor, waitForText, type RenderedPage } from '../helpers/page';
import { postsWorld, type PostsWorld } from './posts-world';

const g = globalThis as unknown as { wx: Record<string, unknown> };

/** The platform dialog: answers `confirm` and records what it asked. */
function answerModal(confirm: boolean): { title: string; content: string }[] {
  const asked: { title: string; content: string }[] = [];
  g.wx.showModal = (opts: { title: string; content: string; success?: (r: { confirm: boolean }) => void }) => {
    asked.push({ title: opts.title, content: opts.content });
    opts.success?.({ confirm });
  };
  return asked;
}

const signupOf = (page: RenderedPage) => page.querySelector('#post-signup')!;
const buttonText = (page: RenderedPage) => textOf(signupOf(page));

describe('招募详情 page', () => {
  let world: PostsWorld;
  const postPage = loadPage('pages/post/index');

  beforeAll(async () => {
    world = await postsWorld('detail');
    await world.register('detail-a', '陈一');
    await world.register('detail-b', '林二');
  });
  afterAll(() => world.stop());

  it('报名 → 已报名 → withdraw (confirmed) → 报名', async () => {
    const post = await world.post({ quota: 2 });
    world.actAs('detail-a');
    const page = await postPage.open({ postId: post.postId });
    await waitForText(page, '探访独居长者');
    expect(textOf(page)).toContain('石岐区悦来南路 1 号');
    expect(textOf(page)).toContain('0/2 人已报名');
    expect(buttonText(page)).toBe('报名');

    await tap(signupOf(page), '.signup-button__main');
    await waitFor(page, () => buttonText(page).includes('已报名'), { what: '已报名' });
    expect(textOf(page)).toContain('1/2 人已报名');
    expect(buttonText(page)).toContain('取消报名');

    // Declining the dialog changes nothing.
    const declined = answerModal(false);
    await tap(signupOf(page), '.signup-button__withdraw');
    expect(declined).toHaveLength(1);
    await settle();
    expect(buttonText(page)).toContain('已报名');

    const asked = answerModal(true);
    await tap(signupOf(page), '.signup-button__withdraw');
    expect(asked[0].title).toBe('取消报名');
    await waitFor(page, () => buttonText(page) === '报名', { what: '报名 again' });
    expect(textOf(page)).toContain('0/2 人已报名');
    page.detach();
  });

  it('a full post offers the waitlist and shows the position: 已满（可候补） → 候补第1位', async () => {
    const post = await world.post({ quota: 1, title: '长者助餐送餐' });
    await world.ok('posts', { action: 'signup', postId: post.postId }, 'detail-b');
    world.actAs('detail-a');
    const page = await postPage.open({ postId: post.postId });
    await waitForText(page, '长者助餐送餐');
    expect(buttonText(page)).toBe('已满（可候补）');
    expect(textOf(page)).toContain('名额已满');

    await tap(signupOf(page), '.signup-button__main');
    await waitFor(page, () => buttonText(page).includes('候补第1位'), { what: '候补第1位' });
    expect(buttonText(page)).toContain('退出候补');
    page.detach();
  });

  it('shows 已取消 with the reason, and a leader sees the management entries', async () => {
    const post = await world.post({ title: '社区义剪活动' });
    world.actAs(world.leader);
    const led = await postPage.open({ postId: post.postId });
    await waitForText(led, '社区义剪活动');
    expect(textOf(led)).toContain('编辑 / 取消招募');
    expect(textOf(led)).toContain('签到码');
    led.detach();

    await world.ok('posts', { action: 'cancel', postId: post.postId, reason: '台风停课' }, world.leader);
    world.actAs('detail-a');
    const page = await postPage.open({ postId: post.postId });
    await waitForText(page, '该招募已取消：台风停课');
    expect(buttonText(page)).toBe('已取消');
    expect(textOf(page)).not.toContain('编辑 / 取消招募');
    page.detach();
  });
});
