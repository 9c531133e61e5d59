// Each user-facing action makes a small, fixed number of database requests whatever the data size
// (SPEC "Budgets"): measured from the local cloud's per-invocation metrics, with more data than one page.
import type { InviteResponse } from '../../typings/api/brigades';
import type { Brigade, Post, Profile, Signup } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, call, ok, registration } from './helpers';

let cloud: TestCloud;
let brigade: Brigade;
let invite: InviteResponse;
let post: Post;
let full: Post;
let membersOnly: Post;
let openInvite: InviteResponse;
const BUDGET = 5;

beforeAll(async () => {
  cloud = await startTestCloud({ env: { HQ_OPENIDS: HQ } });
  const leader = await ok<Profile>(cloud, 'volunteers', 'register', registration(), 'leader');
  brigade = await ok<Brigade>(cloud, 'brigades', 'create', { name: '预算大队', town: '东区', joinMode: 'review' }, HQ);
  await ok(cloud, 'brigades', 'setLeader', { brigadeId: brigade.brigadeId, cardNo: leader.cardNo }, HQ);
  invite = await ok<InviteResponse>(cloud, 'brigades', 'invite', { brigadeId: brigade.brigadeId }, 'leader');
  await Promise.all(
    Array.from({ length: 60 }, async (_, i) => {
      const openid = `member-${i}`;
      await ok(cloud, 'volunteers', 'register', registration({ mobile: `135${String(i).padStart(8, '0')}` }), openid);
      await ok(cloud, 'brigades', 'join', { code: invite.code }, openid);
    }),
  );
  for (let i = 0; i < 25; i += 1) {
    await ok(cloud, 'brigades', 'create', { name: `第${i}大队`, town: '西区', joinMode: 'open' }, HQ);
  }
  // Starts in 10 minutes: check-in is open (from 30 minutes before the start).
  const startAt = Date.now() + 10 * 60_000;
  post = await ok<Post>(
    cloud,
    'posts',
    'create',
    {
      brigadeId: brigade.brigadeId,
      title: '预算探访',
      description: '陪伴',
      category: '探访慰问',
      address: '东区',
      startAt,
      endAt: startAt + 3_600_000,
      quota: 60,
    },
    'leader',
  );
  await Promise.all(
    Array.from({ length: 3 }, (_, i) => ok(cloud, 'posts', 'signup', { postId: post.postId }, `member-${i}`)),
  );
  // Tomorrow, one place: member-3 holds it, member-4 and member-5 wait in that order.
  full = await ok<Post>(cloud, 'posts', 'create', { ...postFields(brigade, '满员探访', 1), quota: 1 }, 'leader');
  for (const who of ['member-3', 'member-4', 'member-5']) {
    await ok(cloud, 'posts', 'signup', { postId: full.postId }, who);
  }
  // An open brigade of the same leader, with a post for its members only; member-6 is one of them.
  const open = await ok<Brigade>(cloud, 'brigades', 'create', { name: '开放大队', town: '东区', joinMode: 'open' }, HQ);
  await ok(cloud, 'brigades', 'setLeader', { brigadeId: open.brigadeId, cardNo: leader.cardNo }, HQ);
  openInvite = await ok<InviteResponse>(cloud, 'brigades', 'invite', { brigadeId: open.brigadeId }, 'leader');
  await ok(cloud, 'brigades', 'join', { code: openInvite.code }, 'member-6');
  membersOnly = await ok<Post>(
    cloud,
    'posts',
    'create',
    { ...postFields(open, '队内培训', 2), membersOnly: true },
    'leader',
  );
}, 60_000);

/** A post of the brigade `days` days from now, for one hour, with 60 places. */
function postFields(of: Brigade, title: string, days: number) {
  const startAt = Date.now() + days * 86_400_000;
  const fields = { title, description: '陪伴', category: '探访慰问', address: '东区' };
  return { ...fields, brigadeId: of.brigadeId, startAt, endAt: startAt + 3_600_000, quota: 60 };
}
afterAll(() => cloud.stop());

const cases: [string, string, string, () => object, string][] = [
  ['volunteers', 'me', 'a registered volunteer', () => ({}), 'member-1'],
  ['volunteers', 'card', 'the card', () => ({}), 'member-1'],
  ['volunteers', 'register', 'a new volunteer', () => registration({ mobile: '13499999999' }), 'newcomer'],
  ['brigades', 'list', 'a page of brigades', () => ({ pageSize: 20 }), 'member-1'],
  ['brigades', 'get', 'one brigade', () => ({ brigadeId: brigade.brigadeId }), 'member-1'],
  ['brigades', 'members', 'a page of members', () => ({ brigadeId: brigade.brigadeId, pageSize: 20 }), 'leader'],
  ['brigades', 'join', 'joining', () => ({ code: invite.code }), 'newcomer'],
];

describe('database requests per action', () => {
  it.each(cases)('%s.%s (%s) stays within the budget', async (name, action, _what, params, openid) => {
    const reply = await call(cloud, name, action, params(), openid);
    expect(reply.body.ok).toBe(true);
    // Registration also counts the volunteer in the month's statistics (one more write); the brigade's page is its
    // home (three more reads, in parallel: this year's month documents, the upcoming posts, the recent photos).
    const extra = action === 'register' ? 1 : action === 'get' && name === 'brigades' ? 2 : 0;
    expect(reply.metrics.requests).toBeLessThanOrEqual(BUDGET + extra);
    // One page (pageSize + 1), plus the page's profiles for the members list (mobiles live on the profile).
    expect(reply.metrics.docsRead).toBeLessThanOrEqual(action === 'members' ? 2 * 21 + 2 : 21 + 2);
  });
});

// SPEC "Budgets": the hot paths a resident hits on every visit make at most 2 requests.
const HOT = 2;

describe('database requests of the hot paths', () => {
  const who: [string, string][] = [
    ['a visitor', 'stranger'],
    ['a volunteer with a sign-up', 'member-1'],
    ['a leader', 'leader'],
    ['hq who never registered', HQ],
  ];

  it.each(who)('volunteers.me for %s makes at most 2 requests', async (_what, openid) => {
    // The first start after registering learns once whether the person is appointed hq (staff); then two.
    await call(cloud, 'volunteers', 'me', {}, openid);
    const reply = await call(cloud, 'volunteers', 'me', {}, openid);
    expect(reply.body.ok).toBe(true);
    expect(reply.metrics.requests).toBeLessThanOrEqual(HOT);
  });

  it.each(who)('posts.list for %s makes at most 2 requests', async (_what, openid) => {
    const reply = await call(cloud, 'posts', 'list', { pageSize: 20 }, openid);
    expect(reply.body.ok).toBe(true);
    expect(reply.metrics.requests).toBeLessThanOrEqual(HOT);
  });

  it.each(who)('posts.get for %s makes at most 2 requests', async (_what, openid) => {
    const reply = await call(cloud, 'posts', 'get', { postId: post.postId }, openid);
    expect(reply.body.ok).toBe(true);
    expect(reply.metrics.requests).toBeLessThanOrEqual(HOT);
  });

  it('posts.get for someone on the waitlist shows their place in at most 2 requests', async () => {
    const reply = await call<Post & { mySignup?: Signup }>(cloud, 'posts', 'get', { postId: full.postId }, 'member-5');
    expect(reply.body).toMatchObject({ ok: true, data: { mySignup: { status: 'waitlisted', position: 2 } } });
    expect(reply.metrics.requests).toBeLessThanOrEqual(HOT);
  });

  it('posts.get for a volunteer without a sign-up makes at most 2 requests', async () => {
    const reply = await call<Post & { mySignup?: Signup }>(cloud, 'posts', 'get', { postId: full.postId }, 'member-7');
    expect(reply.body.ok).toBe(true);
    expect(reply.body.ok && reply.body.data.mySignup).toBeUndefined();
    expect(reply.metrics.requests).toBeLessThanOrEqual(HOT);
  });
});

// SPEC "Budgets": a confirmed sign-up at most 4 (the floor is 2: one conditional update, one insert), its 招募来源
// count (one `_.inc` on the month document, as every statistics hook) included; a join within the budget likewise.
describe('database requests of a sign-up', () => {
  it('a confirmed sign-up makes at most 4 requests', async () => {
    const reply = await call(cloud, 'posts', 'signup', { postId: post.postId }, 'member-10');
    expect(reply.body).toMatchObject({ ok: true, data: { status: 'confirmed' } });
    expect(reply.metrics.requests).toBeLessThanOrEqual(4);
  });

  it('a confirmed sign-up for members only makes at most 4 requests too', async () => {
    const reply = await call(cloud, 'posts', 'signup', { postId: membersOnly.postId }, 'member-6');
    expect(reply.body).toMatchObject({ ok: true, data: { status: 'confirmed' } });
    expect(reply.metrics.requests).toBeLessThanOrEqual(4);
  });

  it('a sign-up onto the waitlist of a full post makes at most 8 requests', async () => {
    const reply = await call(cloud, 'posts', 'signup', { postId: full.postId }, 'member-8');
    expect(reply.body).toMatchObject({ ok: true, data: { status: 'waitlisted', position: 3 } });
    expect(reply.metrics.requests).toBeLessThanOrEqual(8);
  });

  it('joining an open brigade stays within the budget (and its 招募来源 count)', async () => {
    const reply = await call(cloud, 'brigades', 'join', { code: openInvite.code }, 'member-9');
    expect(reply.body).toMatchObject({ ok: true, data: { status: 'active' } });
    expect(reply.metrics.requests).toBeLessThanOrEqual(BUDGET);
  });
});

describe('database requests of a check-in', () => {
  const code = async () =>
    (await ok<{ code: string }>(cloud, 'posts', 'checkinCode', { postId: post.postId }, 'leader')).code;

  it('posts.checkin with the right code stays within the budget', async () => {
    const reply = await call(cloud, 'posts', 'checkin', { postId: post.postId, code: await code() }, 'member-0');
    expect(reply.body.ok).toBe(true);
    expect(reply.metrics.requests).toBeLessThanOrEqual(BUDGET);
  });

  it('posts.checkin with a wrong code stays within the budget, the first in a window too', async () => {
    const right = await code();
    const wrong = right === '000000' ? '111111' : '000000';
    for (const who of ['member-1', 'member-1']) {
      const reply = await call(cloud, 'posts', 'checkin', { postId: post.postId, code: wrong }, who);
      expect(reply.body).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
      expect(reply.metrics.requests).toBeLessThanOrEqual(BUDGET);
    }
  });
});
