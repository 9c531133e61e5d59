// The 培训与资格 card against the real local cloud: after a recorded training, 大队数据 shows the trainings, their
// hours and the share of members trained; the hq dashboard the same for the city with a line per town. Training
// hours never show as service hours.
import { loadPage, textOf, waitForText } from '../helpers/page';
import { HQ, postsWorld, type PostsWorld } from './posts-world';
import { recordService, servedPost } from './timebank-pages-world';

describe('培训与资格 figures', () => {
  let world: PostsWorld;
  const brigadeStatsPage = loadPage('leader/pages/stats/index');
  // Both pages use training-card: the second loads its components afresh (see loadComponentId).
  const dashboardPage = loadPage('hq/pages/dashboard/index', { fresh: true });

  beforeAll(async () => {
    world = await postsWorld('fig');
    const trainee = (await world.register('fig-trainee', '罗晓君')).volunteerId;
    await world.register('fig-other', '邓志强');
    const { code } = await world.ok<{ code: string }>(
      'brigades',
      { action: 'invite', brigadeId: world.brigade.brigadeId },
      world.leader,
    );
    await world.ok('brigades', { action: 'join', code }, 'fig-trainee');
    const training = await servedPost(
      world,
      ['fig-trainee'],
      '急救技能培训',
      {},
      {
        kind: 'training',
        category: '培训',
        topic: '心肺复苏与AED',
        trainer: '李医生',
      },
    );
    await recordService(world, training, [{ volunteerId: trainee, minutes: 90, rating: 5 }]);
  });
  afterAll(() => world.stop());

  it('大队数据: trainings, hours and the share of members trained, apart from service hours', async () => {
    world.actAs(world.leader);
    const page = await brigadeStatsPage.open({ brigadeId: world.brigade.brigadeId });
    await waitForText(page, '培训与资格');
    expect(page.querySelector('#bstats-hours')!.dom!.textContent).toBe('0.0');
    const card = textOf(page.querySelector('#bstats-training')!);
    expect(card).toContain('占比以在队队员计');
    expect(card).toMatch(/1\s?培训场次\s?1\.5\s?培训时长（小时）\s?50\.0%\s?受训义工占比\s?1 \/ 2 人/);
    expect(card).toMatch(/0\.0%\s?持证义工占比\s?0 \/ 2 人/);
    page.detach();
  });

  it('the hq dashboard: the city’s figures with a line per town', async () => {
    world.actAs(HQ);
    const page = await dashboardPage.open();
    await waitForText(page, '培训与资格');
    const card = textOf(page.querySelector('#dash-training')!);
    expect(card).toContain('占比以在册义工计');
    // Three registered (the leader, the trainee and one more), one trained.
    expect(card).toMatch(/33\.3%\s?受训义工占比\s?1 \/ 3 人/);
    expect(card).toMatch(/石岐区\s?培训 1 场 · 受训 33\.3% · 持证 0\.0%/);
    page.detach();
  });
});
