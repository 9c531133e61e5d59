// Posts and brigades show whom to contact: the leader's name and masked number to everyone, the full number only
// to those signed up for the post, members and leaders of the brigade, and hq.
import type { BrigadeDetail, InviteResponse } from '../../typings/api/brigades';
import type { PostDetailResponse } from '../../typings/api/posts';
import type { Brigade, Post, Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, call, ok, registration } from './helpers';

let cloud: TestCloud;
let brigade: Brigade;
let post: Post;
let leader: Profile;

const LEADER_MOBILE = '13912345678';
const MASKED = '139****5678';

beforeAll(async () => {
  cloud = await startTestCloud({ env: { HQ_OPENIDS: HQ } });
  leader = await ok<Profile>(
    cloud,
    'volunteers',
    'register',
    registration({ name: '李队长', mobile: LEADER_MOBILE }),
    'leader',
  );
  brigade = await ok<Brigade>(cloud, 'brigades', 'create', { name: '联系大队', town: '东区', joinMode: 'open' }, HQ);
  await ok(cloud, 'brigades', 'setLeader', { brigadeId: brigade.brigadeId, cardNo: leader.cardNo }, HQ);
  for (const [who, mobile] of [
    ['member', '13500000001'],
    ['signed', '13500000002'],
    ['other', '13500000003'],
  ]) {
    await ok(cloud, 'volunteers', 'register', registration({ name: who, mobile }), who);
  }
  const invite = await ok<InviteResponse>(cloud, 'brigades', 'invite', { brigadeId: brigade.brigadeId }, 'leader');
  await ok(cloud, 'brigades', 'join', { code: invite.code }, 'member');
  const startAt = Date.now() + 86_400_000;
  const fields = { title: '联系探访', description: '陪伴', category: '探访慰问', address: '东区', quota: 5 };
  post = await ok<Post>(
    cloud,
    'posts',
    'create',
    { ...fields, brigadeId: brigade.brigadeId, startAt, endAt: startAt + 3_600_000 },
    'leader',
  );
  await ok(cloud, 'posts', 'signup', { postId: post.postId }, 'signed');
}, 60_000);
afterAll(() => cloud.stop());

const postAs = (openid: string) => ok<PostDetailResponse>(cloud, 'posts', 'get', { postId: post.postId }, openid);
const brigadeAs = (openid: string) =>
  ok<BrigadeDetail>(cloud, 'brigades', 'get', { brigadeId: brigade.brigadeId }, openid);

describe('the contact on a post', () => {
  it.each([
    ['a Moments visitor with no identity (单页模式)', ''],
    ['a visitor', 'stranger'],
    ['a volunteer with no tie', 'other'],
  ])('%s sees the name and the masked number only', async (_what, openid) => {
    expect((await postAs(openid)).contact).toEqual({ name: '李队长', mobileMasked: MASKED });
  });

  it.each([
    ['a volunteer signed up for it', 'signed'],
    ['a member of the brigade', 'member'],
    ['its leader', 'leader'],
    ['hq', HQ],
  ])('%s sees the full number to call', async (_what, openid) => {
    expect((await postAs(openid)).contact).toEqual({ name: '李队长', mobileMasked: MASKED, mobile: LEADER_MOBILE });
  });

  it('a withdrawn sign-up no longer shows the number', async () => {
    await ok(cloud, 'volunteers', 'register', registration({ mobile: '13500000009' }), 'gone');
    await ok(cloud, 'posts', 'signup', { postId: post.postId }, 'gone');
    expect((await postAs('gone')).contact?.mobile).toBe(LEADER_MOBILE);
    await ok(cloud, 'posts', 'withdraw', { postId: post.postId }, 'gone');
    expect((await postAs('gone')).contact).toEqual({ name: '李队长', mobileMasked: MASKED });
  });

  it('hq appointed in the database, never registered, sees the full number in at most 2 requests', async () => {
    const staff = JSON.stringify({ _id: 'staff-hq', openid: 'staff-hq', role: 'hq' });
    await cloud.db.handle('database.insertDocument', { collectionName: 'staff', data: [staff] });
    const reply = await call<PostDetailResponse>(cloud, 'posts', 'get', { postId: post.postId }, 'staff-hq');
    expect(reply.body.ok && reply.body.data.contact?.mobile).toBe(LEADER_MOBILE);
    expect(reply.metrics.requests).toBeLessThanOrEqual(2);
    expect((await brigadeAs('staff-hq')).contact?.mobile).toBe(LEADER_MOBILE);
  });

  it('posts.get still makes at most 2 requests, with the number', async () => {
    const reply = await call<PostDetailResponse>(cloud, 'posts', 'get', { postId: post.postId }, 'signed');
    expect(reply.body.ok && reply.body.data.contact?.mobile).toBe(LEADER_MOBILE);
    expect(reply.metrics.requests).toBeLessThanOrEqual(2);
  });
});

describe('the contact on a brigade', () => {
  it.each([
    ['a Moments visitor with no identity (单页模式)', ''],
    ['a visitor', 'stranger'],
    ['a volunteer who is no member', 'other'],
    ['signed up, not a member', 'signed'],
  ])('%s sees the name and the masked number only', async (_what, openid) => {
    expect((await brigadeAs(openid)).contact).toEqual({ name: '李队长', mobileMasked: MASKED });
  });

  it.each([
    ['a member', 'member'],
    ['its leader', 'leader'],
    ['hq', HQ],
  ])('%s sees the full number', async (_what, openid) => {
    expect((await brigadeAs(openid)).contact?.mobile).toBe(LEADER_MOBILE);
  });
});

describe('the contact follows the leader', () => {
  it('a new name and number of the leader show on the brigade and its posts', async () => {
    await ok(cloud, 'volunteers', 'update', { name: '李大队长', mobile: '13712340000' }, 'leader');
    expect((await brigadeAs('stranger')).contact).toEqual({ name: '李大队长', mobileMasked: '137****0000' });
    expect((await postAs('signed')).contact?.mobile).toBe('13712340000');
  });

  it('a removed and deleted leader leaves no contact; with no leader the field is absent', async () => {
    await ok(cloud, 'brigades', 'setLeader', { brigadeId: brigade.brigadeId, cardNo: leader.cardNo, remove: true }, HQ);
    await ok(cloud, 'volunteers', 'deleteMine', {}, 'leader');
    expect((await brigadeAs('member')).contact).toBeUndefined();
    expect((await postAs('signed')).contact).toBeUndefined();
  });

  it('removing the contact leader hands the contact to the next leader', async () => {
    const first = await ok<Profile>(
      cloud,
      'volunteers',
      'register',
      registration({ name: '王一', mobile: '13600000001' }),
      'l1',
    );
    const second = await ok<Profile>(
      cloud,
      'volunteers',
      'register',
      registration({ name: '赵二', mobile: '13600000002' }),
      'l2',
    );
    const b = await ok<Brigade>(cloud, 'brigades', 'create', { name: '接替大队', town: '东区', joinMode: 'open' }, HQ);
    await ok(cloud, 'brigades', 'setLeader', { brigadeId: b.brigadeId, cardNo: first.cardNo }, HQ);
    await ok(cloud, 'brigades', 'setLeader', { brigadeId: b.brigadeId, cardNo: second.cardNo }, HQ);
    const get = () => ok<BrigadeDetail>(cloud, 'brigades', 'get', { brigadeId: b.brigadeId }, 'stranger');
    expect((await get()).contact?.name).toBe('王一');
    await ok(cloud, 'brigades', 'setLeader', { brigadeId: b.brigadeId, cardNo: first.cardNo, remove: true }, HQ);
    expect((await get()).contact).toEqual({ name: '赵二', mobileMasked: '136****0002' });
  });
});
