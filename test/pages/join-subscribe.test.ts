// Applying to a brigade that reviews applications: the join page asks for the notice template (told when a leader
// approves) in the join tap and reports it with the brigade.
import { loadPage, settle, tap, waitForText } from '../helpers/page';
import { HQ, postsWorld, type PostsWorld } from './posts-world';
import { g, promptAnswering, templatesFetched } from './subscribe-prompt';

async function grantSubjects(world: PostsWorld): Promise<string[]> {
  const reply = (await world.cloud.db.handle('database.getDocument', {
    collectionName: 'subscriptions',
    queryType: 'WHERE',
    query: JSON.stringify({ subject: { $regex: '^membership:' } }),
    limit: 100,
  })) as { list: string[] };
  return reply.list.map((doc) => (JSON.parse(doc) as { subject: string; templateId: string }).templateId);
}

describe('subscription when applying to a reviewing brigade', () => {
  let world: PostsWorld;
  const joinPage = loadPage('pages/join/index');

  beforeAll(async () => {
    world = await postsWorld('apply');
    await world.register('applicant', '邓一');
  });
  afterAll(() => world.stop());
  afterEach(() => delete g.wx.requestSubscribeMessage);

  it('asks only for the notice template and reports it with the brigade', async () => {
    const brigade = await world.ok<{ brigadeId: string }>(
      'brigades',
      { action: 'create', name: '审核制大队', town: '东区', joinMode: 'review' },
      HQ,
    );
    const me = await world.ok<{ cardNo: string }>('volunteers', { action: 'me' }, world.leader);
    await world.ok('brigades', { action: 'setLeader', brigadeId: brigade.brigadeId, cardNo: me.cardNo }, HQ);
    const invite = await world.ok<{ code: string }>(
      'brigades',
      { action: 'invite', brigadeId: brigade.brigadeId },
      world.leader,
    );
    const asked = promptAnswering('accept');
    world.actAs('applicant');
    const page = await joinPage.open({ code: invite.code, brigadeId: brigade.brigadeId });
    await waitForText(page, '审核制大队');
    await templatesFetched(world);
    await tap(page, '#join-submit');
    await waitForText(page, '等待负责人审核');
    expect(asked).toEqual([{ tmplIds: ['local-notice-template'] }]);
    for (const end = Date.now() + 20_000; Date.now() < end && (await grantSubjects(world)).length < 1;) await settle();
    expect(await grantSubjects(world)).toEqual(['local-notice-template']);
    await settle();
    page.detach();
  });
});
