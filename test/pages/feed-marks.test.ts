// 首页 招募 as a volunteer: the cards of posts I signed up for say so (已报名 / 候补第 N 位).
import { loadPage, textOf, waitFor, waitForText, type RenderedPage } from '../helpers/page';
import { HOUR, postsWorld, type PostsWorld } from './posts-world';

/** The tag a card shows right after its title: 已报名, 候补第1位, or the category. */
function tagAfter(page: RenderedPage, title: string): string {
  const text = textOf(page);
  const at = text.indexOf(title);
  if (at < 0) throw new Error(`no card ${title}; page shows: ${text}`);
  return text.slice(at + title.length, at + title.length + 5);
}

describe('my sign-ups on the feed', () => {
  let world: PostsWorld;
  const feedPage = loadPage('pages/feed/index');

  beforeAll(async () => {
    world = await postsWorld('marks');
    await world.register('marks-v', '吴六');
    await world.register('marks-other', '冯七');
    const soon = world.cloud.clock.now() + 24 * HOUR;
    const mine = await world.post({ title: '图书馆导读', startAt: soon, endAt: soon + HOUR });
    const full = await world.post({ title: '爱心献血', quota: 1, startAt: soon + HOUR, endAt: soon + 2 * HOUR });
    await world.post({ title: '公园捡拾垃圾', startAt: soon + 2 * HOUR, endAt: soon + 3 * HOUR });
    await world.ok('posts', { action: 'signup', postId: mine.postId }, 'marks-v');
    await world.ok('posts', { action: 'signup', postId: full.postId }, 'marks-other');
    await world.ok('posts', { action: 'signup', postId: full.postId }, 'marks-v');
  });
  afterAll(() => world.stop());

  it('marks the posts I signed up for: 已报名 and 候补第1位, the others keep their category', async () => {
    world.actAs('marks-v');
    const page = await feedPage.open();
    await waitForText(page, '公园捡拾垃圾');
    await waitFor(page, () => tagAfter(page, '爱心献血') === '候补第1位', { what: '候补第1位' });
    expect(tagAfter(page, '图书馆导读')).toMatch(/^已报名/);
    expect(tagAfter(page, '公园捡拾垃圾')).toMatch(/^探访慰问/);
    page.detach();
  });

  it('a visitor sees no marks', async () => {
    world.actAs('marks-visitor');
    const page = await feedPage.open();
    await waitForText(page, '公园捡拾垃圾');
    expect(tagAfter(page, '图书馆导读')).toMatch(/^探访慰问/);
    page.detach();
  });
});
