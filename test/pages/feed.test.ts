// 首页 招募 against the real local cloud: the list, the category and place chips, 附近 with the device location.
import { loadPage, tap, textOf, waitFor, waitForText, wxCalls } from '../helpers/page';
import { HOUR, postsWorld, type PostsWorld } from './posts-world';

const g = globalThis as unknown as { wx: Record<string, unknown> };

describe('招募 feed page', () => {
  let world: PostsWorld;
  const feedPage = loadPage('pages/feed/index');

  beforeAll(async () => {
    world = await postsWorld('feed');
    const soon = world.cloud.clock.now() + 24 * HOUR;
    // Far from the volunteer but soonest.
    await world.post({ title: '五桂山探访长者', startAt: soon, endAt: soon + HOUR, lat: 22.42, lng: 113.45 });
    // Later, but a few hundred metres away.
    await world.post({
      title: '家电义务维修',
      category: '家电维修',
      startAt: soon + 24 * HOUR,
      endAt: soon + 26 * HOUR,
      lat: 22.5212,
      lng: 113.3905,
    });
    world.actAs('feed-visitor');
  });
  afterAll(() => world.stop());

  it('lists upcoming posts soonest first, and filters by category', async () => {
    const page = await feedPage.open();
    await waitForText(page, '家电义务维修');
    const text = textOf(page);
    expect(text).toContain('五桂山探访长者');
    expect(text.indexOf('五桂山探访长者')).toBeLessThan(text.indexOf('家电义务维修'));
    expect(text).toContain('没有更多了');
    expect(text).not.toContain('发布招募'); // a visitor leads nothing

    await tap(page, '#feed-category-2'); // 全部类别, 探访慰问, 家电维修 …
    await waitFor(page, () => !textOf(page).includes('五桂山探访长者') && textOf(page).includes('家电义务维修'), {
      what: 'only the 家电维修 post',
    });

    await tap(page, '#feed-category-4'); // 心理辅导: nothing
    await waitForText(page, '心理辅导 暂无招募');
    page.detach();
  });

  it('附近 asks for the location and lists nearest first with the distance', async () => {
    const asked: unknown[] = [];
    g.wx.getLocation = (opts: { type: string; success: (r: { latitude: number; longitude: number }) => void }) => {
      asked.push(opts.type);
      opts.success({ latitude: 22.52, longitude: 113.39 });
    };
    const page = await feedPage.open();
    await waitForText(page, '家电义务维修');
    await tap(page, '#feed-place-1');
    await waitForText(page, '公里');
    expect(asked).toEqual(['gcj02']);
    const text = textOf(page);
    expect(text.indexOf('家电义务维修')).toBeLessThan(text.indexOf('五桂山探访长者'));
    expect(text).toMatch(/家电义务维修.*\d+ 米/);
    page.detach();
  });

  it('shows 发布招募 to a leader', async () => {
    world.actAs(world.leader);
    const page = await feedPage.open();
    await waitForText(page, '发布招募');
    await tap(page, '#feed-publish');
    expect(wxCalls.at(-1)).toEqual({ api: 'navigateTo', args: { url: '/leader/pages/post-form/index' } });
    page.detach();
    world.actAs('feed-visitor');
  });
});
