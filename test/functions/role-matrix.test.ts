/**
 * The rule for every action of `volunteers` and `brigades`: the happy path, each error code it can give,
 * and the role matrix (visitor, volunteer, leader of another brigade, leader, hq). The expectations come from
 * the contract and the code's `access` and checks; rows that change state use fresh actors and codes, so the
 * rows may run in any order.
 */
import type { Group } from '../../typings/entities';
import type { ErrorCode } from '../../typings/errors';
import { CARD_NO_PATTERN, PRIVACY_NOTICE_VERSION } from '../../typings/data';
import { call, ok, registration } from './helpers';
import { GROUP_NAME, ROLES, roleMatrixWorld, type Role, type RoleMatrixWorld } from './role-matrix-world';

type Fn = 'volunteers' | 'brigades';
type Outcome = 'ok' | ErrorCode;
type Params = object | Promise<object>;
type Check = (data: unknown, w: RoleMatrixWorld, role: Role, caller: string) => void;

const OK = 'ok';
const UNAUTH = 'UNAUTHENTICATED';
const DENIED = 'PERMISSION_DENIED';
const NOT_FOUND = 'NOT_FOUND';
const PRECONDITION = 'FAILED_PRECONDITION';
const INVALID = 'INVALID_ARGUMENT';
const EXISTS = 'ALREADY_EXISTS';

const CHINESE = /[\u4e00-\u9fff]/;
const NO_SUCH = 'no-such-id';
const YEAR = new Date().getFullYear();

/** One action against the five roles. */
interface MatrixSpec {
  fn: Fn;
  action: string;
  params: (w: RoleMatrixWorld, role: Role) => Params;
  /** Where a role's call changes the caller itself, it calls as a fresh actor of that role. */
  fresh?: Partial<Record<Role, (w: RoleMatrixWorld) => string | Promise<string>>>;
  expect: Record<Role, Outcome>;
  check?: Check;
}

const freshMember = async (w: RoleMatrixWorld) => (await w.fresh.member()).openid;

const MATRIX: MatrixSpec[] = [
  // ---- volunteers ----
  {
    fn: 'volunteers',
    action: 'register',
    params: () => registration({ mobile: '13700000000' }),
    fresh: { visitor: (w) => w.fresh.openid('visitor'), hq: (w) => w.fresh.hq() },
    expect: { visitor: OK, volunteer: OK, otherLeader: OK, leader: OK, hq: OK },
    check: (data, w, role) => {
      const registered: Partial<Record<Role, RoleMatrixWorld['volunteer']>> = {
        volunteer: w.volunteer,
        otherLeader: w.otherLeader,
        leader: w.leader,
      };
      const held = registered[role];
      // A repeated register keeps the card (and the profile: the new mobile is not taken).
      if (held) expect(data).toMatchObject({ cardNo: held.profile.cardNo, mobile: held.profile.mobile });
      else expect((data as { cardNo: string }).cardNo).toMatch(CARD_NO_PATTERN);
    },
  },
  {
    fn: 'volunteers',
    action: 'me',
    params: () => ({}),
    expect: { visitor: OK, volunteer: OK, otherLeader: OK, leader: OK, hq: OK },
    check: (data, _w, role) => {
      const roles: Record<Role, string[]> = {
        visitor: ['visitor'],
        volunteer: ['volunteer'],
        otherLeader: ['volunteer', 'leader'],
        leader: ['volunteer', 'leader'],
        // hq staff need not register: not a volunteer, so also a visitor.
        hq: ['visitor', 'hq'],
      };
      expect(data).toMatchObject({ registered: role !== 'visitor' && role !== 'hq', roles: roles[role] });
    },
  },
  {
    fn: 'volunteers',
    action: 'update',
    params: () => ({ community: '悦来社区' }),
    expect: { visitor: UNAUTH, volunteer: OK, otherLeader: OK, leader: OK, hq: UNAUTH },
    check: (data) => expect(data).toMatchObject({ community: '悦来社区' }),
  },
  {
    fn: 'volunteers',
    action: 'card',
    params: () => ({}),
    expect: { visitor: UNAUTH, volunteer: OK, otherLeader: OK, leader: OK, hq: UNAUTH },
    check: (data, w, role) => {
      const card = data as { cardNo: string; token: string };
      const holders: Partial<Record<Role, RoleMatrixWorld['volunteer']>> = {
        volunteer: w.volunteer,
        otherLeader: w.otherLeader,
        leader: w.leader,
      };
      const holder = holders[role];
      if (!holder) throw new Error(`${role} holds no card`);
      expect(card.cardNo).toBe(holder.profile.cardNo);
      // `<payload b64url>.<HMAC-SHA256 b64url>` whose payload holds the ids only.
      expect(card.token).toMatch(/^[\w-]+\.[\w-]{43}$/);
      const payload: unknown = JSON.parse(Buffer.from(card.token.split('.')[0], 'base64url').toString('utf8'));
      expect(payload).toEqual({ v: holder.profile.volunteerId, n: holder.profile.cardNo });
    },
  },
  {
    fn: 'volunteers',
    action: 'verifyCard',
    params: (w) => ({ token: w.volunteerToken }),
    expect: { visitor: OK, volunteer: OK, otherLeader: OK, leader: OK, hq: OK },
    check: (data, w) => {
      expect(data).toMatchObject({ valid: true, cardNo: w.volunteer.profile.cardNo, brigades: [w.a.name] });
      expect(JSON.stringify(data)).not.toContain('mobile');
    },
  },
  {
    fn: 'volunteers',
    action: 'exportMine',
    params: () => ({}),
    expect: { visitor: UNAUTH, volunteer: OK, otherLeader: OK, leader: OK, hq: UNAUTH },
    // The owner gets the mobile in full.
    check: (data) => expect((data as { profile: { mobile: string } }).profile.mobile).toMatch(/^1\d{10}$/),
  },
  {
    fn: 'volunteers',
    action: 'addQualification',
    // A photo from another environment: refused before anything is kept (the way through is in qualifications.test.ts).
    params: () => ({ type: '律师', fileId: 'cloud://elsewhere.bucket/qualifications/x.png' }),
    expect: { visitor: UNAUTH, volunteer: INVALID, otherLeader: INVALID, leader: INVALID, hq: UNAUTH },
  },
  {
    fn: 'volunteers',
    action: 'qualifications',
    // Another volunteer's (who has none yet): only their own, a leader, a coordinator or hq may ask.
    params: (w) => ({ volunteerId: w.volunteer.profile.volunteerId }),
    expect: { visitor: DENIED, volunteer: OK, otherLeader: OK, leader: OK, hq: OK },
    check: (data) => expect((data as { items: unknown[] }).items).toEqual([]),
  },
  {
    fn: 'volunteers',
    action: 'qualificationQueue',
    params: (w) => ({ brigadeId: w.a.brigadeId }),
    expect: { visitor: DENIED, volunteer: DENIED, otherLeader: DENIED, leader: OK, hq: OK },
  },
  {
    fn: 'volunteers',
    action: 'reviewQualification',
    params: (w) => ({ volunteerId: w.volunteer.profile.volunteerId, qualificationId: NO_SUCH, approve: true }),
    expect: { visitor: NOT_FOUND, volunteer: NOT_FOUND, otherLeader: NOT_FOUND, leader: NOT_FOUND, hq: NOT_FOUND },
  },
  {
    fn: 'volunteers',
    action: 'deleteMine',
    params: () => ({}),
    fresh: { volunteer: freshMember },
    // Leaders are refused until hq hands their brigade over.
    expect: { visitor: UNAUTH, volunteer: OK, otherLeader: PRECONDITION, leader: PRECONDITION, hq: UNAUTH },
    check: (data) => expect(data).toEqual({ deleted: true }),
  },
  // ---- brigades ----
  {
    fn: 'brigades',
    action: 'create',
    params: (w) => ({ name: w.fresh.brigadeName(), town: '东区', joinMode: 'open' }),
    // Registration is not needed for hq work: an unregistered visitor is refused as the wrong role.
    expect: { visitor: DENIED, volunteer: DENIED, otherLeader: DENIED, leader: DENIED, hq: OK },
    check: (data) => expect(data).toMatchObject({ town: '东区', joinMode: 'open', leaders: [], memberCount: 0 }),
  },
  {
    fn: 'brigades',
    action: 'update',
    params: (w) => ({ brigadeId: w.a.brigadeId, description: '矩阵测试大队的简介' }),
    expect: { visitor: DENIED, volunteer: DENIED, otherLeader: DENIED, leader: OK, hq: OK },
    check: (data, w) => expect(data).toMatchObject({ brigadeId: w.a.brigadeId, description: '矩阵测试大队的简介' }),
  },
  {
    fn: 'brigades',
    action: 'list',
    params: () => ({}),
    expect: { visitor: OK, volunteer: OK, otherLeader: OK, leader: OK, hq: OK },
    check: (data, w) => {
      const ids = (data as { items: { brigadeId: string }[] }).items.map((b) => b.brigadeId);
      expect(ids).toEqual(expect.arrayContaining([w.a.brigadeId, w.b.brigadeId]));
    },
  },
  {
    fn: 'brigades',
    action: 'get',
    params: (w) => ({ brigadeId: w.a.brigadeId }),
    expect: { visitor: OK, volunteer: OK, otherLeader: OK, leader: OK, hq: OK },
    check: (data, _w, role) => {
      const member = role === 'volunteer' || role === 'leader';
      expect(data).toMatchObject({ iLead: role === 'leader' });
      expect((data as { myStatus?: string }).myStatus).toBe(member ? 'active' : undefined);
      // The contact leader's full number only for members, leaders and hq; the leaders list never has contacts.
      const { contact, leaders } = data as { contact?: { mobile?: string }; leaders: object[] };
      expect(contact?.mobile !== undefined).toBe(member || role === 'hq');
      expect(JSON.stringify(leaders)).not.toContain('mobile');
    },
  },
  {
    fn: 'brigades',
    action: 'invite',
    params: (w) => ({ brigadeId: w.a.brigadeId }),
    // hq is not registered: inviting needs a leader, and a leader is a registered volunteer.
    expect: { visitor: UNAUTH, volunteer: DENIED, otherLeader: DENIED, leader: OK, hq: UNAUTH },
    check: (data, w) => {
      const { code, path } = data as { code: string; path: string };
      expect(code.length).toBeGreaterThanOrEqual(8);
      expect(path).toBe(`/pages/join/index?code=${code}&brigadeId=${w.a.brigadeId}`);
    },
  },
  {
    fn: 'brigades',
    action: 'join',
    params: async (w) => ({ code: await w.fresh.code() }),
    fresh: { otherLeader: async (w) => (await w.fresh.otherLeader()).openid },
    // Members (the leader included) join again with no change; anyone else registered applies (A reviews).
    expect: { visitor: UNAUTH, volunteer: OK, otherLeader: OK, leader: OK, hq: UNAUTH },
    check: (data, w, role) =>
      expect(data).toEqual({ brigadeId: w.a.brigadeId, status: role === 'otherLeader' ? 'pending' : 'active' }),
  },
  {
    fn: 'brigades',
    action: 'apply',
    params: (w) => ({ brigadeId: w.a.brigadeId }),
    fresh: { otherLeader: async (w) => (await w.fresh.otherLeader()).openid },
    // From A's page, with no invite: members keep their place; anyone else registered applies (A reviews).
    expect: { visitor: UNAUTH, volunteer: OK, otherLeader: OK, leader: OK, hq: UNAUTH },
    check: (data, w, role) =>
      expect(data).toEqual({ brigadeId: w.a.brigadeId, status: role === 'otherLeader' ? 'pending' : 'active' }),
  },
  {
    fn: 'brigades',
    action: 'members',
    params: (w) => ({ brigadeId: w.a.brigadeId }),
    // hq oversees every brigade (mobiles masked); members and other leaders see no roster.
    expect: { visitor: DENIED, volunteer: DENIED, otherLeader: DENIED, leader: OK, hq: OK },
    check: (data, w, role) => {
      const items = (data as { items: { volunteerId: string; mobile: string; status: string }[] }).items;
      const them = items.find((m) => m.volunteerId === w.volunteer.profile.volunteerId);
      expect(them).toMatchObject({ status: 'active' });
      // The brigade's own leader sees the mobile in full; hq sees it masked.
      expect(them?.mobile).toMatch(role === 'leader' ? /^1\d{10}$/ : /^\d{3}\*{4}\d{4}$/);
      expect(items.some((m) => m.volunteerId === w.applicant.profile.volunteerId && m.status === 'pending')).toBe(true);
    },
  },
  {
    fn: 'brigades',
    action: 'review',
    params: async (w, role) => ({
      brigadeId: w.a.brigadeId,
      volunteerId: (role === 'leader' ? await w.fresh.applicant() : w.applicant).profile.volunteerId,
      approve: true,
    }),
    expect: { visitor: UNAUTH, volunteer: DENIED, otherLeader: DENIED, leader: OK, hq: UNAUTH },
    check: (data, w) => expect(data).toMatchObject({ brigadeId: w.a.brigadeId, status: 'active' }),
  },
  {
    fn: 'brigades',
    action: 'setLeader',
    params: async (w, role) => ({
      brigadeId: w.a.brigadeId,
      cardNo: (role === 'hq' ? await w.fresh.registered('appointee') : w.volunteer).profile.cardNo,
    }),
    // Leaders do not appoint co-leaders: hq does.
    expect: { visitor: DENIED, volunteer: DENIED, otherLeader: DENIED, leader: DENIED, hq: OK },
    check: (data, w) => {
      const { leaders } = data as { leaders: { volunteerId: string }[] };
      expect(leaders.map((l) => l.volunteerId)).toContain(w.leader.profile.volunteerId);
      expect(leaders.length).toBeGreaterThanOrEqual(2);
    },
  },
  {
    fn: 'brigades',
    action: 'leave',
    params: (w) => ({ brigadeId: w.a.brigadeId }),
    fresh: { volunteer: freshMember },
    // The leader must be handed over first; the other leader is no member of A.
    expect: { visitor: UNAUTH, volunteer: OK, otherLeader: NOT_FOUND, leader: PRECONDITION, hq: UNAUTH },
    check: (data, w) => expect(data).toMatchObject({ brigadeId: w.a.brigadeId, status: 'left' }),
  },
  {
    fn: 'brigades',
    action: 'groups',
    params: (w) => ({ brigadeId: w.a.brigadeId }),
    expect: { visitor: DENIED, volunteer: DENIED, otherLeader: DENIED, leader: OK, hq: OK },
    check: (data, w) => {
      const items = (data as { items: Group[] }).items;
      // The world's group with exactly its two members as a leader sees them; the saveGroup row may add 探访一组.
      const shown = (actor: RoleMatrixWorld['volunteer']) => ({
        volunteerId: actor.profile.volunteerId,
        name: actor.profile.name,
        cardNo: actor.profile.cardNo,
      });
      expect(items.filter((g) => g.name !== '探访一组')).toEqual([
        {
          groupId: w.group.groupId,
          brigadeId: w.a.brigadeId,
          name: GROUP_NAME,
          members: [shown(w.volunteer), shown(w.leader)],
          updatedAt: w.group.updatedAt,
        },
      ]);
      for (const g of items) expect(g.brigadeId).toBe(w.a.brigadeId);
    },
  },
  {
    fn: 'brigades',
    action: 'saveGroup',
    params: (w) => ({
      brigadeId: w.a.brigadeId,
      name: '探访一组',
      volunteerIds: [w.volunteer.profile.volunteerId, w.leader.profile.volunteerId],
    }),
    expect: { visitor: UNAUTH, volunteer: DENIED, otherLeader: DENIED, leader: OK, hq: UNAUTH },
    check: (data, w) =>
      expect(data).toMatchObject({
        brigadeId: w.a.brigadeId,
        name: '探访一组',
        members: [{ volunteerId: w.volunteer.profile.volunteerId }, { volunteerId: w.leader.profile.volunteerId }],
      }),
  },
];

/** A row beyond the roles: another error code (or another happy path) of one action. */
interface Row {
  fn: Fn;
  action: string;
  name: string;
  caller: (w: RoleMatrixWorld) => string | Promise<string>;
  params: (w: RoleMatrixWorld) => Params;
  expect: Outcome;
  /** For INVALID_ARGUMENT: the fields the error must name. */
  fields?: string[];
  message?: string;
  check?: (data: unknown, w: RoleMatrixWorld) => void;
}

const as =
  (role: Role) =>
  (w: RoleMatrixWorld): string =>
    w.as[role];
function expectAllMasked(data: unknown): void {
  const items = (data as { items: { mobile: string }[] }).items;
  expect(items.length).toBeGreaterThan(0);
  for (const m of items) expect(m.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
}

const newcomer = async (w: RoleMatrixWorld) => (await w.fresh.registered('newcomer')).openid;
const visitor = (w: RoleMatrixWorld) => w.fresh.openid('visitor');

const ROWS: Row[] = [
  // ---- volunteers ----
  {
    fn: 'volunteers',
    action: 'me',
    name: 'without a WeChat identity',
    caller: () => '',
    params: () => ({}),
    expect: UNAUTH,
  },
  {
    fn: 'volunteers',
    action: 'register',
    name: 'an invalid mobile',
    caller: visitor,
    params: () => registration({ mobile: '12345678901' }),
    expect: INVALID,
    fields: ['mobile'],
  },
  {
    fn: 'volunteers',
    action: 'register',
    name: 'an outdated privacy notice',
    caller: visitor,
    params: () => registration({ privacyConsentVersion: `${PRIVACY_NOTICE_VERSION}-old` }),
    expect: INVALID,
    fields: ['privacyConsentVersion'],
  },
  {
    fn: 'volunteers',
    action: 'register',
    name: 'a minor without a guardian',
    caller: visitor,
    params: () => registration({ birthYear: YEAR - 12 }),
    expect: INVALID,
    fields: ['guardian.name', 'guardian.mobile'],
  },
  {
    fn: 'volunteers',
    action: 'register',
    name: 'a minor with a guardian (happy path)',
    caller: visitor,
    params: () =>
      registration({
        mobile: '13711112222',
        birthYear: YEAR - 12,
        guardian: { name: '陈大明', mobile: '13711113333', consent: true },
      }),
    expect: OK,
    check: (data) => expect(data).toMatchObject({ guardian: { name: '陈大明', mobile: '137****3333' } }),
  },
  {
    fn: 'volunteers',
    action: 'update',
    name: 'an invalid mobile',
    caller: as('volunteer'),
    params: () => ({ mobile: '1380013800' }),
    expect: INVALID,
    fields: ['mobile'],
  },
  {
    fn: 'volunteers',
    action: 'update',
    name: 'a birth year making a minor without a guardian',
    caller: as('volunteer'),
    params: () => ({ birthYear: YEAR - 12 }),
    expect: INVALID,
    fields: ['guardian.name', 'guardian.mobile'],
  },
  {
    fn: 'volunteers',
    action: 'verifyCard',
    name: 'an edited token',
    caller: as('visitor'),
    params: (w) => ({ token: `${w.volunteerToken.slice(0, -2)}${w.volunteerToken.endsWith('AA') ? 'BB' : 'AA'}` }),
    expect: INVALID,
    message: '义工证二维码无效或已被篡改',
  },
  {
    fn: 'volunteers',
    action: 'verifyCard',
    name: 'an empty token',
    caller: as('visitor'),
    params: () => ({ token: '' }),
    expect: INVALID,
    fields: ['token'],
  },
  {
    fn: 'volunteers',
    action: 'verifyCard',
    name: 'the card of a deleted profile',
    caller: as('visitor'),
    params: (w) => ({ token: w.deletedToken }),
    expect: NOT_FOUND,
  },
  {
    fn: 'volunteers',
    action: 'deleteMine',
    name: 'with an upcoming signup',
    caller: async (w) => {
      const [member, postId] = await Promise.all([w.fresh.member(), w.fresh.post()]);
      await ok(w.cloud, 'posts', 'signup', { postId }, member.openid);
      return member.openid;
    },
    params: () => ({}),
    expect: PRECONDITION,
  },
  {
    fn: 'volunteers',
    action: 'deleteMine',
    name: 'the pending applicant (happy path)',
    caller: async (w) => (await w.fresh.applicant()).openid,
    params: () => ({}),
    expect: OK,
  },
  // ---- brigades ----
  {
    fn: 'brigades',
    action: 'create',
    name: 'an unknown town',
    caller: as('hq'),
    params: (w) => ({ name: w.fresh.brigadeName(), town: '北京', joinMode: 'open' }),
    expect: INVALID,
    fields: ['town'],
  },
  {
    fn: 'brigades',
    action: 'create',
    name: 'a one-character name',
    caller: as('hq'),
    params: () => ({ name: '甲', town: '东区', joinMode: 'open' }),
    expect: INVALID,
    fields: ['name'],
  },
  {
    fn: 'brigades',
    action: 'create',
    name: 'by hq appointed in the database (staff), not in HQ_OPENIDS',
    caller: async (w) => {
      const openid = w.fresh.openid('staff-hq');
      const staff = JSON.stringify({ _id: openid, openid, role: 'hq' });
      await w.cloud.db.handle('database.insertDocument', { collectionName: 'staff', data: [staff] });
      return openid;
    },
    params: (w) => ({ name: w.fresh.brigadeName(), town: '东区', joinMode: 'open' }),
    expect: OK,
    check: (data) => expect(data).toMatchObject({ town: '东区', joinMode: 'open', leaders: [], memberCount: 0 }),
  },
  {
    fn: 'brigades',
    action: 'create',
    name: 'the name of an existing brigade',
    caller: as('hq'),
    params: (w) => ({ name: w.a.name, town: '东区', joinMode: 'open' }),
    expect: EXISTS,
  },
  {
    fn: 'brigades',
    action: 'update',
    name: 'an unknown brigade',
    caller: as('hq'),
    params: () => ({ brigadeId: NO_SUCH, description: '简介' }),
    expect: NOT_FOUND,
  },
  {
    fn: 'brigades',
    action: 'update',
    name: 'an unknown join mode',
    caller: as('leader'),
    params: (w) => ({ brigadeId: w.a.brigadeId, joinMode: 'closed' }),
    expect: INVALID,
    fields: ['joinMode'],
  },
  {
    fn: 'brigades',
    action: 'update',
    name: 'the name of another brigade',
    caller: as('leader'),
    params: (w) => ({ brigadeId: w.a.brigadeId, name: w.b.name }),
    expect: EXISTS,
  },
  {
    fn: 'brigades',
    action: 'list',
    name: 'an unknown town',
    caller: as('visitor'),
    params: () => ({ town: '北京' }),
    expect: INVALID,
    fields: ['town'],
  },
  {
    fn: 'brigades',
    action: 'list',
    name: 'mine, as the volunteer (happy path)',
    caller: as('volunteer'),
    params: () => ({ mine: true }),
    expect: OK,
    check: (data, w) => expect(data).toMatchObject({ items: [{ brigadeId: w.a.brigadeId }] }),
  },
  {
    fn: 'brigades',
    action: 'get',
    name: 'an unknown brigade',
    caller: as('visitor'),
    params: () => ({ brigadeId: NO_SUCH }),
    expect: NOT_FOUND,
  },
  {
    fn: 'brigades',
    action: 'get',
    name: 'no brigade id',
    caller: as('visitor'),
    params: () => ({ brigadeId: '' }),
    expect: INVALID,
    fields: ['brigadeId'],
  },
  {
    fn: 'brigades',
    action: 'get',
    name: 'as the pending applicant (happy path)',
    caller: (w) => w.applicant.openid,
    params: (w) => ({ brigadeId: w.a.brigadeId }),
    expect: OK,
    check: (data) => expect(data).toMatchObject({ myStatus: 'pending', iLead: false }),
  },
  {
    fn: 'brigades',
    action: 'invite',
    name: 'an unknown brigade',
    caller: as('leader'),
    params: () => ({ brigadeId: NO_SUCH }),
    expect: NOT_FOUND,
  },
  {
    fn: 'brigades',
    action: 'invite',
    name: 'an expiry in the past',
    caller: as('leader'),
    params: (w) => ({ brigadeId: w.a.brigadeId, expiresAt: 1_000_000_000_000 }),
    expect: INVALID,
    fields: ['expiresAt'],
  },
  {
    fn: 'brigades',
    action: 'invite',
    name: 'revoking an unknown code',
    caller: as('leader'),
    params: (w) => ({ brigadeId: w.a.brigadeId, revokeCode: 'NOSUCHCODE' }),
    expect: NOT_FOUND,
  },
  {
    fn: 'brigades',
    action: 'invite',
    name: "revoking another brigade's code",
    caller: as('leader'),
    params: async (w) => {
      const other = await ok<{ code: string }>(
        w.cloud,
        'brigades',
        'invite',
        { brigadeId: w.b.brigadeId },
        w.as.otherLeader,
      );
      return { brigadeId: w.a.brigadeId, revokeCode: other.code };
    },
    expect: NOT_FOUND,
  },
  {
    fn: 'brigades',
    action: 'invite',
    name: 'revoking a code (happy path)',
    caller: as('leader'),
    params: async (w) => ({ brigadeId: w.a.brigadeId, revokeCode: await w.fresh.code() }),
    expect: OK,
    check: (data) => expect(data).toMatchObject({ revoked: true }),
  },
  {
    fn: 'brigades',
    action: 'apply',
    name: 'an unknown brigade',
    caller: newcomer,
    params: () => ({ brigadeId: NO_SUCH }),
    expect: NOT_FOUND,
  },
  {
    fn: 'brigades',
    action: 'apply',
    name: 'an open brigade admits at once, counted as from the feed',
    caller: newcomer,
    params: (w) => ({ brigadeId: w.b.brigadeId }),
    expect: OK,
    check: (data, w) => expect(data).toEqual({ brigadeId: w.b.brigadeId, status: 'active' }),
  },
  {
    fn: 'brigades',
    action: 'apply',
    name: 'an unknown source',
    caller: newcomer,
    params: (w) => ({ brigadeId: w.b.brigadeId, source: 'billboard' }),
    expect: INVALID,
    fields: ['source'],
  },
  {
    fn: 'brigades',
    action: 'join',
    name: 'an unknown code',
    caller: as('otherLeader'),
    params: () => ({ code: 'NOSUCHCODE' }),
    expect: NOT_FOUND,
  },
  {
    fn: 'brigades',
    action: 'join',
    name: 'a revoked code',
    caller: as('otherLeader'),
    params: (w) => ({ code: w.revokedCode }),
    expect: PRECONDITION,
    message: '该邀请链接已被收回，请向大队负责人重新索取',
  },
  {
    fn: 'brigades',
    action: 'join',
    name: 'an expired code',
    caller: as('otherLeader'),
    params: (w) => ({ code: w.expiredCode }),
    expect: PRECONDITION,
    message: '该邀请链接已过期，请向大队负责人重新索取',
  },
  {
    fn: 'brigades',
    action: 'join',
    name: 'an empty code',
    caller: as('otherLeader'),
    params: () => ({ code: '' }),
    expect: INVALID,
    fields: ['code'],
  },
  {
    fn: 'brigades',
    action: 'join',
    name: 'the pending applicant again: still pending, nothing written',
    caller: (w) => w.applicant.openid,
    params: async (w) => ({ code: await w.fresh.code() }),
    expect: OK,
    check: (data, w) => expect(data).toEqual({ brigadeId: w.a.brigadeId, status: 'pending' }),
  },
  {
    fn: 'brigades',
    action: 'members',
    name: 'an unknown brigade',
    caller: as('hq'),
    params: () => ({ brigadeId: NO_SUCH }),
    expect: NOT_FOUND,
  },
  {
    fn: 'brigades',
    action: 'members',
    name: 'an unknown status',
    caller: as('leader'),
    params: (w) => ({ brigadeId: w.a.brigadeId, status: 'gone' }),
    expect: INVALID,
    fields: ['status'],
  },
  {
    fn: 'brigades',
    action: 'members',
    name: 'pending only (happy path): applicants do not belong yet, so their mobiles stay masked',
    caller: as('leader'),
    params: (w) => ({ brigadeId: w.a.brigadeId, status: 'pending' }),
    expect: OK,
    check: (data) => {
      const items = (data as { items: { status: string }[] }).items;
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((m) => m.status === 'pending')).toBe(true);
      expectAllMasked(data);
    },
  },
  {
    fn: 'brigades',
    action: 'members',
    name: 'a volunteer who left: the leader sees the mobile masked',
    caller: as('leader'),
    params: async (w) => {
      const gone = await w.fresh.member();
      await ok(w.cloud, 'brigades', 'leave', { brigadeId: w.a.brigadeId }, gone.openid);
      return { brigadeId: w.a.brigadeId, status: 'left', pageSize: 50 };
    },
    expect: OK,
    check: (data) => expectAllMasked(data),
    // SPEC "Privacy": mobiles in full only to the leaders of a brigade the volunteer belongs to.
  },
  {
    fn: 'brigades',
    action: 'members',
    name: 'a rejected applicant: the leader sees the mobile masked',
    caller: as('leader'),
    params: async (w) => {
      const { volunteerId } = (await w.fresh.applicant()).profile;
      await ok(w.cloud, 'brigades', 'review', { brigadeId: w.a.brigadeId, volunteerId, approve: false }, w.as.leader);
      return { brigadeId: w.a.brigadeId, status: 'rejected', pageSize: 50 };
    },
    expect: OK,
    check: (data) => expectAllMasked(data),
    // As above, for applicants the leader turned down (they never belonged to the brigade).
  },
  {
    fn: 'brigades',
    action: 'review',
    name: 'someone who did not apply',
    caller: as('leader'),
    params: (w) => ({ brigadeId: w.a.brigadeId, volunteerId: w.otherLeader.profile.volunteerId, approve: true }),
    expect: NOT_FOUND,
  },
  {
    fn: 'brigades',
    action: 'review',
    name: 'an unknown brigade',
    caller: as('leader'),
    params: (w) => ({ brigadeId: NO_SUCH, volunteerId: w.applicant.profile.volunteerId, approve: true }),
    expect: NOT_FOUND,
  },
  {
    fn: 'brigades',
    action: 'review',
    name: 'approving an application already rejected',
    caller: as('leader'),
    params: async (w) => {
      const { volunteerId } = (await w.fresh.applicant()).profile;
      await ok(w.cloud, 'brigades', 'review', { brigadeId: w.a.brigadeId, volunteerId, approve: false }, w.as.leader);
      return { brigadeId: w.a.brigadeId, volunteerId, approve: true };
    },
    expect: PRECONDITION,
    message: '该申请已处理',
  },
  {
    fn: 'brigades',
    action: 'review',
    name: 'no verdict',
    caller: as('leader'),
    params: (w) => ({ brigadeId: w.a.brigadeId, volunteerId: w.applicant.profile.volunteerId, approve: 'yes' }),
    expect: INVALID,
    fields: ['approve'],
  },
  {
    fn: 'brigades',
    action: 'review',
    name: 'rejecting (happy path)',
    caller: as('leader'),
    params: async (w) => ({
      brigadeId: w.a.brigadeId,
      volunteerId: (await w.fresh.applicant()).profile.volunteerId,
      approve: false,
    }),
    expect: OK,
    check: (data) => expect(data).toMatchObject({ status: 'rejected' }),
  },
  {
    fn: 'brigades',
    action: 'setLeader',
    name: 'an unknown card number',
    caller: as('hq'),
    params: (w) => ({ brigadeId: w.a.brigadeId, cardNo: `ZSBA-${YEAR}-999999` }),
    expect: NOT_FOUND,
  },
  {
    fn: 'brigades',
    action: 'setLeader',
    name: 'an unknown brigade',
    caller: as('hq'),
    params: (w) => ({ brigadeId: NO_SUCH, cardNo: w.volunteer.profile.cardNo }),
    expect: NOT_FOUND,
  },
  {
    fn: 'brigades',
    action: 'setLeader',
    name: 'an 11th leader',
    caller: as('hq'),
    params: (w) => ({ brigadeId: w.full.brigadeId, cardNo: w.volunteer.profile.cardNo }),
    expect: PRECONDITION,
    message: '每个大队最多设 10 名负责人',
  },
  {
    fn: 'brigades',
    action: 'setLeader',
    name: 'no card number',
    caller: as('hq'),
    params: (w) => ({ brigadeId: w.a.brigadeId }),
    expect: INVALID,
    fields: ['cardNo'],
  },
  {
    fn: 'brigades',
    action: 'setLeader',
    name: 'removing a leader (happy path)',
    caller: as('hq'),
    params: async (w) => ({
      brigadeId: w.b.brigadeId,
      cardNo: (await w.fresh.otherLeader()).profile.cardNo,
      remove: true,
    }),
    expect: OK,
    check: (data, w) => {
      const ids = (data as { leaders: { volunteerId: string; cardNo: string }[] }).leaders.map((l) => l.volunteerId);
      expect(ids).toContain(w.otherLeader.profile.volunteerId);
      expect(ids.length).toBeGreaterThanOrEqual(1);
    },
  },
  {
    fn: 'brigades',
    action: 'leave',
    name: 'an unknown brigade',
    caller: as('volunteer'),
    params: () => ({ brigadeId: NO_SUCH }),
    expect: NOT_FOUND,
  },
  {
    fn: 'brigades',
    action: 'leave',
    name: 'a registered non-member',
    caller: newcomer,
    params: (w) => ({ brigadeId: w.a.brigadeId }),
    expect: NOT_FOUND,
    message: '你不是该大队的队员',
  },
  {
    fn: 'brigades',
    action: 'leave',
    name: 'a pending applicant withdraws (happy path)',
    caller: async (w) => (await w.fresh.applicant()).openid,
    params: (w) => ({ brigadeId: w.a.brigadeId }),
    expect: OK,
    check: (data) => expect(data).toMatchObject({ status: 'left' }),
  },
  {
    fn: 'brigades',
    action: 'groups',
    name: 'an unknown brigade',
    caller: as('hq'),
    params: () => ({ brigadeId: NO_SUCH }),
    expect: NOT_FOUND,
  },
  {
    fn: 'brigades',
    action: 'saveGroup',
    name: 'one member only',
    caller: as('leader'),
    params: (w) => ({ brigadeId: w.a.brigadeId, name: '单人组', volunteerIds: [w.volunteer.profile.volunteerId] }),
    expect: INVALID,
    fields: ['volunteerIds'],
  },
  {
    fn: 'brigades',
    action: 'saveGroup',
    name: 'a member who is not active',
    caller: as('leader'),
    params: (w) => ({
      brigadeId: w.a.brigadeId,
      name: '待审组',
      volunteerIds: [w.volunteer.profile.volunteerId, w.applicant.profile.volunteerId],
    }),
    expect: INVALID,
    fields: ['volunteerIds'],
  },
  {
    fn: 'brigades',
    action: 'saveGroup',
    name: 'an unknown group',
    caller: as('leader'),
    params: (w) => ({
      brigadeId: w.a.brigadeId,
      groupId: NO_SUCH,
      name: '无此组',
      volunteerIds: [w.volunteer.profile.volunteerId, w.leader.profile.volunteerId],
    }),
    expect: NOT_FOUND,
  },
  {
    fn: 'brigades',
    action: 'saveGroup',
    name: 'an unknown brigade',
    caller: as('leader'),
    params: (w) => ({
      brigadeId: NO_SUCH,
      name: '无此队',
      volunteerIds: [w.volunteer.profile.volunteerId, w.leader.profile.volunteerId],
    }),
    expect: NOT_FOUND,
  },
  {
    fn: 'brigades',
    action: 'saveGroup',
    name: 'renaming a saved group (happy path)',
    caller: as('leader'),
    params: async (w) => {
      const volunteerIds = [w.volunteer.profile.volunteerId, w.leader.profile.volunteerId];
      const saved = await ok<{ groupId: string }>(
        w.cloud,
        'brigades',
        'saveGroup',
        { brigadeId: w.a.brigadeId, name: '旧组名', volunteerIds },
        w.as.leader,
      );
      return { brigadeId: w.a.brigadeId, groupId: saved.groupId, name: '新组名', volunteerIds };
    },
    expect: OK,
    check: (data) => expect(data).toMatchObject({ name: '新组名' }),
  },
];

let w: RoleMatrixWorld;

beforeAll(async () => {
  w = await roleMatrixWorld();
});
afterAll(() => w.cloud.stop());

/** Calls and asserts the outcome: data checked on success; a Chinese message and nothing written on refusal. */
async function expectOutcome(
  fn: Fn,
  action: string,
  params: object,
  caller: string,
  outcome: Outcome,
  more: { fields?: string[]; message?: string; check?: (data: unknown) => void } = {},
): Promise<void> {
  const reply = await call<unknown>(w.cloud, fn, action, params, caller);
  const { body } = reply;
  if (outcome === OK) {
    expect(body).toMatchObject({ ok: true });
    if (body.ok) more.check?.(body.data);
    return;
  }
  expect(body).toMatchObject({ ok: false, code: outcome });
  if (body.ok) return;
  expect(body.message).toMatch(CHINESE);
  if (more.message) expect(body.message).toBe(more.message);
  if (more.fields) {
    expect(Object.keys(body.fields ?? {})).toEqual(expect.arrayContaining(more.fields));
    for (const field of more.fields) expect(body.fields?.[field]).toMatch(CHINESE);
  }
  expect(reply.metrics.docsWritten).toBe(0);
}

describe.each(MATRIX)('$fn.$action: the role matrix', (spec) => {
  it.each(ROLES.map((role) => [role, spec.expect[role]] as const))('%s → %s', async (role, outcome) => {
    const caller = await (spec.fresh?.[role]?.(w) ?? w.as[role]);
    const params = await spec.params(w, role);
    await expectOutcome(spec.fn, spec.action, params, caller, outcome, {
      check: (data) => spec.check?.(data, w, role, caller),
    });
  });
});

describe.each(ROWS.map((row) => [`${row.fn}.${row.action}`, row] as const))('%s', (_label, row) => {
  it(`${row.name} → ${row.expect}`, async () => {
    const caller = await row.caller(w);
    const params = await row.params(w);
    await expectOutcome(row.fn, row.action, params, caller, row.expect, {
      fields: row.fields,
      message: row.message,
      check: (data) => row.check?.(data, w),
    });
  });
});

it('covers every action of volunteers and brigades with the five roles', () => {
  const covered = new Set(MATRIX.map((s) => `${s.fn}.${s.action}`));
  const actions = {
    volunteers: [
      'register',
      'me',
      'update',
      'card',
      'verifyCard',
      'exportMine',
      'deleteMine',
      'addQualification',
      'qualifications',
      'qualificationQueue',
      'reviewQualification',
    ],
    brigades: [
      'create',
      'update',
      'list',
      'get',
      'invite',
      'join',
      'apply',
      'members',
      'review',
      'setLeader',
      'leave',
      'groups',
      'saveGroup',
    ],
  };
  for (const [fn, names] of Object.entries(actions)) for (const a of names) expect(covered).toContain(`${fn}.${a}`);
});
