// 大队主页 as a volunteer: the brigade's next three services, soonest first, each opening its post.
import { loadPage, tap, textOf, waitForText, wxCalls } from '../helpers/page';
import { HOUR, postsWorld, type PostsWorld } from './posts-world';

describe('大队详情 services', () => {
  let world: PostsWorld;
  const brigadePage = loadPage('pages/brigade/index');

  beforeAll(async () => {
    world = await postsWorld('services');
    await world.register('services-v', '吴六');
    const soon = world.cloud.clock.now() + 24 * HOUR;
    await world.post({ title: '公园捡拾垃圾', startAt: soon + 2 * HOUR, endAt: soon + 3 * HOUR });
    await world.post({ title: '图书馆导读', startAt: soon, endAt: soon + HOUR });
    await world.post({ title: '爱心献血', startAt: soon + HOUR, endAt: soon + 2 * HOUR });
  });
  afterAll(() => world.stop());

  it('the brigade page lists its upcoming services, soonest first, each opening the post', async () => {
    world.actAs('services-v');
    const page = await brigadePage.open({ brigadeId: world.brigade.brigadeId });
    await waitForText(page, '公园捡拾垃圾');
    const text = textOf(page.querySelector('#brigade-services')!);
    expect(text.indexOf('图书馆导读')).toBeLessThan(text.indexOf('爱心献血'));
    expect(text.indexOf('爱心献血')).toBeLessThan(text.indexOf('公园捡拾垃圾'));
    wxCalls.length = 0;
    await tap(page, '#brigade-service-0');
    const nav = wxCalls.find((c) => c.api === 'navigateTo')?.args as { url: string } | undefined;
    expect(nav?.url).toContain('/pages/post/index?postId=');
    page.detach();
  });
  it('a brigade without upcoming services says so', async () => {
    const other = await world.ok<{ brigadeId: string }>(
      'brigades',
      { action: 'create', name: '东区博爱大队', town: '东区', joinMode: 'open' },
      'demo-hq',
    );
    world.actAs('services-v');
    const page = await brigadePage.open({ brigadeId: other.brigadeId });
    await waitForText(page, '暂无即将开始的服务');
    page.detach();
  });
});
