/**
 * The world of the role matrix: hq (not registered), the leader of brigade A (review mode), the leader of
 * brigade B, a plain volunteer who is an active member of A, a pending applicant of A and a visitor; plus
 * factories of fresh actors and codes for the rows that change state, so no row depends on another.
 */
import type { InviteResponse } from '../../typings/api/brigades';
import type { CardResponse } from '../../typings/api/volunteers';
import type { Brigade, Group, Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, ok, registration } from './helpers';

/** The five roles of the role matrix. */
export const ROLES = ['visitor', 'volunteer', 'otherLeader', 'leader', 'hq'] as const;
export type Role = (typeof ROLES)[number];

/** hq openids besides HQ, for the rows where hq itself changes (e.g. registers). */
const SPARE_HQ = ['demo-hq-2', 'demo-hq-3', 'demo-hq-4'];
const HOUR = 3_600_000;
/** The name of the group the world saves in A. */
export const GROUP_NAME = '矩阵固定小组';

export interface Actor {
  openid: string;
  profile: Profile;
}

export interface RoleMatrixWorld {
  cloud: TestCloud;
  /** Review mode, led by `leader`; `volunteer` is active in it, `applicant` pending. */
  a: Brigade;
  /** Open, led by `otherLeader`. */
  b: Brigade;
  /** Has the maximum of 10 leaders already. */
  full: Brigade;
  /** A group of A (小组) of `volunteer` and `leader`, saved by `leader` when the world was made. */
  group: Group;
  /** The openid each role calls with. */
  as: Record<Role, string>;
  volunteer: Actor;
  leader: Actor;
  otherLeader: Actor;
  applicant: Actor;
  /** The card token of `volunteer`, and one of a volunteer who has since deleted the profile. */
  volunteerToken: string;
  deletedToken: string;
  /** An invite code of A that has expired (the clock was moved past it), and one its leader revoked. */
  expiredCode: string;
  revokedCode: string;
  fresh: {
    /** An openid nobody has used. */
    openid(prefix: string): string;
    /** An hq openid not used elsewhere (unregistered). */
    hq(): string;
    /** A new registered volunteer who belongs nowhere. */
    registered(prefix?: string): Promise<Actor>;
    /** A new active member of A (joined and approved). */
    member(): Promise<Actor>;
    /** A new pending applicant of A. */
    applicant(): Promise<Actor>;
    /** A new leader of B: a leader of another brigade than A. */
    otherLeader(): Promise<Actor>;
    /** A new invite code of A. */
    code(): Promise<string>;
    /** A brigade name nobody has used. */
    brigadeName(): string;
    /** A post of A starting in two days (for the deleteMine precondition). */
    post(): Promise<string>;
  };
}

export async function roleMatrixWorld(): Promise<RoleMatrixWorld> {
  const cloud = await startTestCloud({ env: { HQ_OPENIDS: [HQ, ...SPARE_HQ].join(',') } });
  let seq = 0;
  const spareHq = [...SPARE_HQ];
  const openid = (prefix: string) => `${prefix}-${(seq += 1)}`;
  const registered = async (prefix = 'person'): Promise<Actor> => {
    const id = openid(prefix);
    const mobile = `139${String(seq).padStart(8, '0')}`;
    const profile = await ok<Profile>(
      cloud,
      'volunteers',
      'register',
      registration({ mobile, name: `义工${seq}` }),
      id,
    );
    return { openid: id, profile };
  };

  const [volunteer, leader, otherLeader, applicant] = await Promise.all([
    registered('volunteer'),
    registered('leader'),
    registered('other-leader'),
    registered('applicant'),
  ]);
  const create = (name: string, joinMode: 'open' | 'review') =>
    ok<Brigade>(cloud, 'brigades', 'create', { name, town: '石岐区', joinMode }, HQ);
  const [a, b, full] = await Promise.all([
    create('矩阵甲大队', 'review'),
    create('矩阵乙大队', 'open'),
    create('矩阵满员大队', 'open'),
  ]);
  const appoint = (brigade: Brigade, actor: Actor) =>
    ok(cloud, 'brigades', 'setLeader', { brigadeId: brigade.brigadeId, cardNo: actor.profile.cardNo }, HQ);
  await Promise.all([appoint(a, leader), appoint(b, otherLeader)]);

  const code = async () =>
    (await ok<InviteResponse>(cloud, 'brigades', 'invite', { brigadeId: a.brigadeId }, leader.openid)).code;
  const join = async (actor: Actor) => ok(cloud, 'brigades', 'join', { code: await code() }, actor.openid);
  const approve = (actor: Actor) =>
    ok(
      cloud,
      'brigades',
      'review',
      { brigadeId: a.brigadeId, volunteerId: actor.profile.volunteerId, approve: true },
      leader.openid,
    );

  await Promise.all([join(volunteer), join(applicant)]);
  await approve(volunteer);
  const group = await ok<Group>(
    cloud,
    'brigades',
    'saveGroup',
    {
      brigadeId: a.brigadeId,
      name: GROUP_NAME,
      volunteerIds: [volunteer.profile.volunteerId, leader.profile.volunteerId],
    },
    leader.openid,
  );

  // Brigade "full" gets its 10 leaders, one at a time (each appointment rewrites the leader list).
  const fullLeaders = await Promise.all(Array.from({ length: 10 }, () => registered('full-leader')));
  for (const actor of fullLeaders) await appoint(full, actor);

  const volunteerToken = (await ok<CardResponse>(cloud, 'volunteers', 'card', {}, volunteer.openid)).token;
  const gone = await registered('gone');
  const deletedToken = (await ok<CardResponse>(cloud, 'volunteers', 'card', {}, gone.openid)).token;
  await ok(cloud, 'volunteers', 'deleteMine', {}, gone.openid);

  const revokedCode = await code();
  await ok(cloud, 'brigades', 'invite', { brigadeId: a.brigadeId, revokeCode: revokedCode }, leader.openid);
  const expiring = await ok<InviteResponse>(
    cloud,
    'brigades',
    'invite',
    { brigadeId: a.brigadeId, expiresAt: cloud.clock.now() + 60_000 },
    leader.openid,
  );
  cloud.clock.advance(120_000);

  let names = 0;
  return {
    cloud,
    a,
    b,
    full,
    group,
    as: {
      visitor: 'visitor',
      volunteer: volunteer.openid,
      otherLeader: otherLeader.openid,
      leader: leader.openid,
      hq: HQ,
    },
    volunteer,
    leader,
    otherLeader,
    applicant,
    volunteerToken,
    deletedToken,
    expiredCode: expiring.code,
    revokedCode,
    fresh: {
      openid,
      hq() {
        const id = spareHq.shift();
        if (!id) throw new Error('no spare hq openid left: add one to SPARE_HQ');
        return id;
      },
      registered,
      async member() {
        const actor = await registered('member');
        await join(actor);
        await approve(actor);
        return actor;
      },
      async applicant() {
        const actor = await registered('applicant');
        await join(actor);
        return actor;
      },
      async otherLeader() {
        const actor = await registered('other-leader');
        await appoint(b, actor);
        return actor;
      },
      code,
      brigadeName: () => `矩阵新大队${(names += 1)}`,
      async post() {
        const start = cloud.clock.now() + 48 * HOUR;
        const post = await ok<{ postId: string }>(
          cloud,
          'posts',
          'create',
          {
            brigadeId: a.brigadeId,
            title: '探访独居长者',
            description: '上门陪伴聊天，帮忙整理家务。',
            category: '探访慰问',
            address: '石岐区悦来南路 1 号',
            startAt: start,
            endAt: start + 2 * HOUR,
            quota: 5,
          },
          leader.openid,
        );
        return post.postId;
      },
    },
  };
}
