// 大队数据 (leader) against the real local cloud: one brigade's figures after a recorded service, its months and
// service categories, a custom period, and that a member who does not lead it cannot open it.
import type { BrigadeStatsResponse, Post } from '../../typings/index';
import { loadPage, tap, textOf, waitForText } from '../helpers/page';
import { PACKED_UCHARTS, emit, monthLabel, recordedService, valueOf, waitForValue } from './dashboard-world';
import { postsWorld, type PostsWorld } from './posts-world';

jest.mock('@qiun/ucharts', () => jest.requireActual(PACKED_UCHARTS));

describe('大队数据 page (leader)', () => {
  let world: PostsWorld;
  let post: Post;
  const brigadeStatsPage = loadPage('leader/pages/stats/index');

  beforeAll(async () => {
    world = await postsWorld('bstats');
    post = await recordedService(world);
  });
  afterAll(() => world.stop());

  it('shows the leader the brigade figures, hours by month and categories, for a period', async () => {
    world.actAs(world.leader);
    const reply = await world.ok<BrigadeStatsResponse>(
      'stats',
      { action: 'brigade', brigadeId: world.brigade.brigadeId },
      world.leader,
    );
    const page = await brigadeStatsPage.open({ brigadeId: world.brigade.brigadeId });
    await waitForValue(page, 'bstats-hours', '2.5');
    expect(valueOf(page, 'bstats-sessions')).toBe('2');
    expect(valueOf(page, 'bstats-people')).toBe('12');
    expect(valueOf(page, 'bstats-no-show')).toBe('33.3%');
    expect(valueOf(page, 'bstats-members')).toBe(String(reply.members));
    expect(valueOf(page, 'bstats-posts')).toBe('1');
    expect(textOf(page)).toMatch(/服务类别.*1\s?探访慰问\s?2\.5 小时\s?1 场活动 · 2 人次 · 受益 12 人/);
    expect(textOf(page)).toMatch(new RegExp(`${monthLabel(post.startAt)}\\s?2\\.5`));

    await tap(page, '#bstats-period-custom');
    await emit(page, '#bstats-from', 'change', { value: '2020-01' });
    await emit(page, '#bstats-to', 'change', { value: '2020-03' });
    await waitForValue(page, 'bstats-hours', '0.0');
    page.detach();
  });

  it('refuses a volunteer who does not lead the brigade, with the reason and none of the figures', async () => {
    world.actAs('dash-a');
    const page = await brigadeStatsPage.open({ brigadeId: world.brigade.brigadeId });
    await waitForText(page, '仅该大队的负责人可以进行此操作');
    expect(textOf(page)).toContain('重试');
    expect(textOf(page)).not.toContain('服务时长');
    page.detach();
  });
});
