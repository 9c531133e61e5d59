// hq who is also a registered volunteer: oversees every brigade where hq may (members, groups, details) but does
// not act as a leader of a brigade it does not lead (invite, review, groups, posts). And a removed leader is gone.
import type { InviteResponse, JoinResponse } from '../../typings/api/brigades';
import type { MeResponse } from '../../typings/api/volunteers';
import type { Brigade, Group, Member, Page, Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, fails, ok, registration } from './helpers';

/** hq staff who also registered as a volunteer (listed in HQ_OPENIDS). */
const HQ_VOLUNTEER = 'hq-volunteer';
const HOUR = 3_600_000;

let cloud: TestCloud;
let brigade: Brigade;
const people: Record<string, Profile> = {};

const register = async (openid: string, mobile: string, name: string) => {
  people[openid] = await ok<Profile>(cloud, 'volunteers', 'register', registration({ mobile, name }), openid);
};

const leaderIds = async () =>
  (await ok<Brigade>(cloud, 'brigades', 'get', { brigadeId: brigade.brigadeId }, 'member')).leaders.map(
    (l) => l.volunteerId,
  );

beforeAll(async () => {
  cloud = await startTestCloud({ env: { HQ_OPENIDS: `${HQ},${HQ_VOLUNTEER}` } });
  await register(HQ_VOLUNTEER, '13800000010', '何总队');
  await register('leader', '13800000011', '周队长');
  await register('co-leader', '13800000012', '吴队长');
  await register('member', '13800000013', '郑一');
  await register('member-2', '13800000014', '王二');
  await register('applicant', '13800000015', '冯三');
  brigade = await ok<Brigade>(
    cloud,
    'brigades',
    'create',
    { name: '南区审核大队', town: '南区', joinMode: 'review' },
    HQ,
  );
  for (const who of ['leader', 'co-leader']) {
    await ok(cloud, 'brigades', 'setLeader', { brigadeId: brigade.brigadeId, cardNo: people[who].cardNo }, HQ);
  }
  const { code } = await ok<InviteResponse>(cloud, 'brigades', 'invite', { brigadeId: brigade.brigadeId }, 'leader');
  for (const who of ['member', 'member-2', 'applicant']) {
    await ok<JoinResponse>(cloud, 'brigades', 'join', { code }, who);
  }
  for (const who of ['member', 'member-2']) {
    const review = { brigadeId: brigade.brigadeId, volunteerId: people[who].volunteerId, approve: true };
    await ok(cloud, 'brigades', 'review', review, 'leader');
  }
});
afterAll(() => cloud.stop());

describe('registered hq in a brigade it does not lead', () => {
  it('sees the members, with mobiles masked', async () => {
    const page = await ok<Page<Member>>(cloud, 'brigades', 'members', { brigadeId: brigade.brigadeId }, HQ_VOLUNTEER);
    const member = page.items.find((m) => m.volunteerId === people.member.volunteerId);
    expect(member?.name).toBe('郑一');
    expect(member?.mobile).not.toBe('13800000013');
    expect(member?.mobile).toMatch(/^138\*+0013$/);
  });

  it('sees the groups and edits the brigade', async () => {
    expect(await ok<{ items: Group[] }>(cloud, 'brigades', 'groups', brigade, HQ_VOLUNTEER)).toEqual({ items: [] });
    const edit = { brigadeId: brigade.brigadeId, description: '服务南区独居长者' };
    await ok(cloud, 'brigades', 'update', edit, HQ_VOLUNTEER);
    expect((await ok<Brigade>(cloud, 'brigades', 'get', brigade, 'member')).description).toBe('服务南区独居长者');
  });

  it('may not invite, review applicants, form groups or post recruitment there', async () => {
    const denied = { code: 'PERMISSION_DENIED', message: '仅该大队的负责人可以进行此操作' };
    const { brigadeId } = brigade;
    const applicant = people.applicant.volunteerId;
    const group = {
      brigadeId,
      name: '探访小组',
      volunteerIds: [people.member.volunteerId, people['member-2'].volunteerId],
    };
    const post = {
      brigadeId,
      title: '探访独居长者',
      description: '陪长者聊天',
      category: '探访慰问',
      address: '南区良都社区',
      startAt: Date.now() + 48 * HOUR,
      endAt: Date.now() + 50 * HOUR,
      quota: 5,
    };
    expect(await fails(cloud, 'brigades', 'invite', { brigadeId }, HQ_VOLUNTEER)).toMatchObject(denied);
    const review = { brigadeId, volunteerId: applicant, approve: true };
    expect(await fails(cloud, 'brigades', 'review', review, HQ_VOLUNTEER)).toMatchObject(denied);
    expect(await fails(cloud, 'brigades', 'saveGroup', group, HQ_VOLUNTEER)).toMatchObject(denied);
    expect(await fails(cloud, 'posts', 'create', post, HQ_VOLUNTEER)).toMatchObject(denied);

    // Nothing changed: the applicant still waits, no group and no post exist.
    const pending = await ok<Page<Member>>(cloud, 'brigades', 'members', { brigadeId, status: 'pending' }, 'leader');
    expect(pending.items.map((m) => m.volunteerId)).toEqual([applicant]);
    expect(await ok<{ items: Group[] }>(cloud, 'brigades', 'groups', { brigadeId }, 'leader')).toEqual({ items: [] });
    expect((await ok<Page<unknown>>(cloud, 'posts', 'list', { brigadeId }, 'member')).items).toEqual([]);
  });
});

describe('removing a leader (hq)', () => {
  it('takes the leader off the brigade: no longer listed, no leader role, refused what only leaders may do', async () => {
    const before = await ok<MeResponse>(cloud, 'volunteers', 'me', {}, 'co-leader');
    expect(before.roles).toContain('leader');
    const removed = await ok<{ leaders: Brigade['leaders'] }>(
      cloud,
      'brigades',
      'setLeader',
      { brigadeId: brigade.brigadeId, cardNo: people['co-leader'].cardNo, remove: true },
      HQ,
    );
    expect(removed.leaders.map((l) => l.volunteerId)).toEqual([people.leader.volunteerId]);

    expect(await leaderIds()).toEqual([people.leader.volunteerId]);
    const got = await ok<{ iLead: boolean }>(cloud, 'brigades', 'get', brigade, 'co-leader');
    expect(got.iLead).toBe(false);
    expect((await ok<MeResponse>(cloud, 'volunteers', 'me', {}, 'co-leader')).roles).not.toContain('leader');
    const invite = await fails(cloud, 'brigades', 'invite', { brigadeId: brigade.brigadeId }, 'co-leader');
    expect(invite.code).toBe('PERMISSION_DENIED');
    const members = await fails(cloud, 'brigades', 'members', { brigadeId: brigade.brigadeId }, 'co-leader');
    expect(members.code).toBe('PERMISSION_DENIED');

    // The remaining leader still leads.
    await ok(cloud, 'brigades', 'invite', { brigadeId: brigade.brigadeId }, 'leader');
  });
});
