// 我的星级 against the real local cloud: the level and exactly what is missing for the next one, and honours.
import { loadPage, textOf, waitForText } from '../helpers/page';
import { HQ, postsWorld, type PostsWorld } from './posts-world';
import { recordService, servedPost } from './timebank-pages-world';

describe('我的星级 page', () => {
  let world: PostsWorld;
  const starsPage = loadPage('pages/stars/index');

  beforeAll(async () => {
    world = await postsWorld('stars');
  });
  afterAll(() => world.stop());

  it('shows the hours, tenure and rating still missing for one star', async () => {
    const me = await world.register('stars-v', '吴六');
    const post = await servedPost(world, ['stars-v'], '社区义剪服务');
    await recordService(world, post, [{ volunteerId: me.volunteerId, minutes: 60, rating: 2 }]);
    world.actAs('stars-v');
    const page = await starsPage.open();
    await waitForText(page, '距离一星义工');
    const text = textOf(page);
    expect(text).toContain('暂未定级');
    expect(text).toContain('1.0 / 100.0 小时');
    expect(text).toMatch(/服务时长满 100\.0 小时\s?还差 99\.0 小时/);
    expect(text).toMatch(/注册时长\s?还需 1[78]\d 天/);
    expect(text).toMatch(/平均评分不低于 3\.0\s?目前 2\.00，未达 3\.0/);
    expect(text).toContain('暂无荣誉');
    page.detach();
  });

  it('lists the honours hq awarded', async () => {
    const me = await world.register('stars-honoured', '郑七');
    await world.ok(
      'stars',
      { action: 'award', cardNo: me.cardNo, honour: 'outstanding', year: 2025, reason: '全年探访独居长者' },
      HQ,
    );
    world.actAs('stars-honoured');
    const page = await starsPage.open();
    await waitForText(page, '2025 年度优秀义工');
    expect(textOf(page)).toContain('全年探访独居长者');
    expect(textOf(page)).toContain('暂无评分');
    page.detach();
  });
});
