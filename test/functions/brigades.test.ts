import type { InviteResponse, JoinResponse } from '../../typings/api/brigades';
import type { MeResponse } from '../../typings/api/volunteers';
import type { Brigade, Group, Member, Membership, Page, Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, fails, ok, registration } from './helpers';

let cloud: TestCloud;
let open: Brigade;
let review: Brigade;
const people: Record<string, Profile> = {};

const register = async (openid: string, mobile: string, name: string) => {
  people[openid] = await ok<Profile>(cloud, 'volunteers', 'register', registration({ mobile, name }), openid);
};

beforeAll(async () => {
  cloud = await startTestCloud({ env: { HQ_OPENIDS: HQ } });
  await register('leader', '13800000001', '周队长');
  await register('other-leader', '13800000002', '吴队长');
  await register('vol-a', '13800000003', '郑一');
  await register('vol-b', '13800000004', '王二');
  await register('vol-c', '13800000005', '冯三');
  open = await ok<Brigade>(cloud, 'brigades', 'create', { name: '石岐博爱大队', town: '石岐区', joinMode: 'open' }, HQ);
  review = await ok<Brigade>(
    cloud,
    'brigades',
    'create',
    { name: '东区审核大队', town: '东区', joinMode: 'review' },
    HQ,
  );
  await ok(cloud, 'brigades', 'setLeader', { brigadeId: open.brigadeId, cardNo: people.leader.cardNo }, HQ);
  await ok(cloud, 'brigades', 'setLeader', { brigadeId: review.brigadeId, cardNo: people.leader.cardNo }, HQ);
  const other = await ok<Brigade>(
    cloud,
    'brigades',
    'create',
    { name: '西区大队', town: '西区', joinMode: 'open' },
    HQ,
  );
  await ok(cloud, 'brigades', 'setLeader', { brigadeId: other.brigadeId, cardNo: people['other-leader'].cardNo }, HQ);
});
afterAll(() => cloud.stop());

describe('creating brigades and appointing leaders (hq)', () => {
  it('refuses everyone but hq', async () => {
    const body = { name: '某大队', town: '东区', joinMode: 'open' };
    expect((await fails(cloud, 'brigades', 'create', body, 'visitor')).code).toBe('PERMISSION_DENIED');
    expect((await fails(cloud, 'brigades', 'create', body, 'leader')).code).toBe('PERMISSION_DENIED');
    const appoint = { brigadeId: open.brigadeId, cardNo: people['vol-a'].cardNo };
    expect((await fails(cloud, 'brigades', 'setLeader', appoint, 'leader')).code).toBe('PERMISSION_DENIED');
  });

  it('refuses a duplicate name and an unknown town', async () => {
    const dup = await fails(
      cloud,
      'brigades',
      'create',
      { name: '石岐博爱大队', town: '石岐区', joinMode: 'open' },
      HQ,
    );
    expect(dup).toMatchObject({ code: 'ALREADY_EXISTS', message: '已有名为「石岐博爱大队」的大队' });
    const town = await fails(cloud, 'brigades', 'create', { name: '新大队', town: '北京', joinMode: 'open' }, HQ);
    expect(town.fields).toEqual({ town: '请选择有效的所属镇区' });
  });

  it('appoints by card number, making the leader an active member, and the leader sees the leader role', async () => {
    const got = await ok<Brigade & { iLead: boolean }>(
      cloud,
      'brigades',
      'get',
      { brigadeId: open.brigadeId },
      'leader',
    );
    expect(got.leaders).toEqual([
      { volunteerId: people.leader.volunteerId, name: '周队长', cardNo: people.leader.cardNo },
    ]);
    expect(got.iLead).toBe(true);
    expect(got.memberCount).toBe(1);
    const me = await ok<MeResponse>(cloud, 'volunteers', 'me', {}, 'leader');
    expect(me.roles).toEqual(['volunteer', 'leader']);
    const unknown = await fails(
      cloud,
      'brigades',
      'setLeader',
      { brigadeId: open.brigadeId, cardNo: 'ZSBA-2026-999999' },
      HQ,
    );
    expect(unknown.code).toBe('NOT_FOUND');
  });
});

describe('joining from a shared link', () => {
  it('joins an open brigade at once, and joining twice changes nothing', async () => {
    const inv = await ok<InviteResponse>(cloud, 'brigades', 'invite', { brigadeId: open.brigadeId }, 'leader');
    expect(inv.code).toMatch(/^[A-Z2-9]{10}$/);
    expect(inv.path).toBe(`/pages/join/index?code=${inv.code}&brigadeId=${open.brigadeId}`);
    const first = await ok<JoinResponse>(cloud, 'brigades', 'join', { code: inv.code }, 'vol-a');
    expect(first).toEqual({ brigadeId: open.brigadeId, status: 'active' });
    expect(await ok<JoinResponse>(cloud, 'brigades', 'join', { code: inv.code }, 'vol-a')).toEqual(first);
    const got = await ok<Brigade>(cloud, 'brigades', 'get', { brigadeId: open.brigadeId }, 'vol-a');
    expect(got.memberCount).toBe(2);
  });

  it('asks a visitor to register first, and refuses bad, revoked or expired codes', async () => {
    const inv = await ok<InviteResponse>(cloud, 'brigades', 'invite', { brigadeId: open.brigadeId }, 'leader');
    expect((await fails(cloud, 'brigades', 'join', { code: inv.code }, 'visitor')).code).toBe('UNAUTHENTICATED');
    expect((await fails(cloud, 'brigades', 'join', { code: 'NOSUCHCODE' }, 'vol-b')).code).toBe('NOT_FOUND');
    await ok(cloud, 'brigades', 'invite', { brigadeId: open.brigadeId, revokeCode: inv.code }, 'leader');
    expect((await fails(cloud, 'brigades', 'join', { code: inv.code }, 'vol-b')).code).toBe('FAILED_PRECONDITION');
    const soon = Date.now() + 60_000;
    const timed = await ok<InviteResponse>(
      cloud,
      'brigades',
      'invite',
      { brigadeId: open.brigadeId, expiresAt: soon },
      'leader',
    );
    await fetch(`${cloud.url}/v1/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 120_000 }) });
    const expired = await fails(cloud, 'brigades', 'join', { code: timed.code }, 'vol-b');
    expect(expired).toMatchObject({ code: 'FAILED_PRECONDITION', message: '该邀请链接已过期，请向大队负责人重新索取' });
  });

  it('lets only the brigade’s own leaders make invites', async () => {
    const denied = await fails(cloud, 'brigades', 'invite', { brigadeId: open.brigadeId }, 'other-leader');
    expect(denied.code).toBe('PERMISSION_DENIED');
    expect((await fails(cloud, 'brigades', 'invite', { brigadeId: open.brigadeId }, 'vol-a')).code).toBe(
      'PERMISSION_DENIED',
    );
  });
});

describe('review brigades', () => {
  it('creates pending members that only leaders see, and a leader approves them', async () => {
    const inv = await ok<InviteResponse>(cloud, 'brigades', 'invite', { brigadeId: review.brigadeId }, 'leader');
    expect(await ok<JoinResponse>(cloud, 'brigades', 'join', { code: inv.code }, 'vol-b')).toEqual({
      brigadeId: review.brigadeId,
      status: 'pending',
    });
    const denied = await fails(cloud, 'brigades', 'members', { brigadeId: review.brigadeId }, 'vol-b');
    expect(denied.code).toBe('PERMISSION_DENIED');
    const pending = await ok<Page<Member>>(
      cloud,
      'brigades',
      'members',
      { brigadeId: review.brigadeId, status: 'pending' },
      'leader',
    );
    expect(pending.items.map((m) => m.name)).toEqual(['王二']);
    // An applicant does not belong to the brigade yet: masked even for its leaders (SPEC "Privacy").
    expect(pending.items[0].mobile).toBe('138****0004');
    const asHq = await ok<Page<Member>>(
      cloud,
      'brigades',
      'members',
      { brigadeId: review.brigadeId, status: 'pending' },
      HQ,
    );
    expect(asHq.items[0].mobile).toBe('138****0004');
    const approved = await ok<Membership>(
      cloud,
      'brigades',
      'review',
      { brigadeId: review.brigadeId, volunteerId: people['vol-b'].volunteerId, approve: true },
      'leader',
    );
    expect(approved.status).toBe('active');
    const other = await fails(
      cloud,
      'brigades',
      'review',
      { brigadeId: review.brigadeId, volunteerId: people['vol-b'].volunteerId, approve: false },
      'other-leader',
    );
    expect(other.code).toBe('PERMISSION_DENIED');
  });
});

describe('members, leaving and groups', () => {
  it('pages members with a cursor and no repeats', async () => {
    const inv = await ok<InviteResponse>(cloud, 'brigades', 'invite', { brigadeId: open.brigadeId }, 'leader');
    await ok(cloud, 'brigades', 'join', { code: inv.code }, 'vol-c');
    await ok(cloud, 'brigades', 'join', { code: inv.code }, 'vol-b');
    const first = await ok<Page<Member>>(
      cloud,
      'brigades',
      'members',
      { brigadeId: open.brigadeId, pageSize: 2 },
      'leader',
    );
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeDefined();
    const second = await ok<Page<Member>>(
      cloud,
      'brigades',
      'members',
      { brigadeId: open.brigadeId, pageSize: 2, cursor: first.nextCursor },
      'leader',
    );
    const names = [...first.items, ...second.items].map((m) => m.name);
    expect(new Set(names).size).toBe(4);
    expect(names.sort()).toEqual(['冯三', '周队长', '王二', '郑一'].sort());
  });

  it('forms groups of 2+ active members only', async () => {
    const ids = [people['vol-a'].volunteerId, people['vol-c'].volunteerId];
    const group = await ok<Group>(
      cloud,
      'brigades',
      'saveGroup',
      { brigadeId: open.brigadeId, name: '探访一组', volunteerIds: ids },
      'leader',
    );
    expect(group.members.map((m) => m.name)).toEqual(['郑一', '冯三']);
    const one = await fails(
      cloud,
      'brigades',
      'saveGroup',
      { brigadeId: open.brigadeId, name: '单人组', volunteerIds: ids.slice(0, 1) },
      'leader',
    );
    expect(one.code).toBe('INVALID_ARGUMENT');
    const stranger = await fails(
      cloud,
      'brigades',
      'saveGroup',
      { brigadeId: open.brigadeId, name: '混合组', volunteerIds: [ids[0], people['other-leader'].volunteerId] },
      'leader',
    );
    expect(stranger.message).toBe('组员须是本大队的在队队员');
    const listed = await ok<{ items: Group[] }>(cloud, 'brigades', 'groups', { brigadeId: open.brigadeId }, 'leader');
    expect(listed.items.map((g) => g.name)).toEqual(['探访一组']);
  });

  it('lets a member leave but not a leader', async () => {
    const left = await ok<Membership>(cloud, 'brigades', 'leave', { brigadeId: open.brigadeId }, 'vol-c');
    expect(left.status).toBe('left');
    expect((await fails(cloud, 'brigades', 'leave', { brigadeId: open.brigadeId }, 'leader')).code).toBe(
      'FAILED_PRECONDITION',
    );
  });

  it('lists brigades publicly and mine for a member', async () => {
    const all = await ok<Page<Brigade>>(cloud, 'brigades', 'list', {}, 'visitor');
    expect(all.items.map((b) => b.name)).toEqual(['西区大队', '东区审核大队', '石岐博爱大队']);
    const mine = await ok<Page<Brigade>>(cloud, 'brigades', 'list', { mine: true }, 'vol-b');
    expect(mine.items.map((b) => b.name).sort()).toEqual(['东区审核大队', '石岐博爱大队'].sort());
    const paged = await ok<Page<Brigade>>(cloud, 'brigades', 'list', { pageSize: 2 }, 'visitor');
    const rest = await ok<Page<Brigade>>(
      cloud,
      'brigades',
      'list',
      { pageSize: 2, cursor: paged.nextCursor },
      'visitor',
    );
    expect([...paged.items, ...rest.items].map((b) => b.name)).toEqual(all.items.map((b) => b.name));
  });
});
