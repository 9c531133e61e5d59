// CloudBase 未登录模式: a page opened from Moments (single-page mode) calls with no OPENID. Only the public reads of
// a post and a brigade answer such a caller, with nothing personal; every other action refuses it, writing nothing.
import { execFileSync } from 'node:child_process';
import type { BrigadeDetail } from '../../typings/api/brigades';
import type { PostDetailResponse } from '../../typings/api/posts';
import type { Brigade, Post, Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, call, ok, registration } from './helpers';

let cloud: TestCloud;
let brigade: Brigade;
let post: Post;

beforeAll(async () => {
  cloud = await startTestCloud({ env: { HQ_OPENIDS: HQ } });
  const leader = await ok<Profile>(cloud, 'volunteers', 'register', registration(), 'leader');
  brigade = await ok<Brigade>(cloud, 'brigades', 'create', { name: '朋友圈大队', town: '东区', joinMode: 'open' }, HQ);
  await ok(cloud, 'brigades', 'setLeader', { brigadeId: brigade.brigadeId, cardNo: leader.cardNo }, HQ);
  const startAt = Date.now() + 86_400_000;
  const fields = { title: '朋友圈探访', description: '陪伴', category: '探访慰问', address: '东区', quota: 5 };
  const times = { brigadeId: brigade.brigadeId, startAt, endAt: startAt + 3_600_000 };
  post = await ok<Post>(cloud, 'posts', 'create', { ...fields, ...times }, 'leader');
}, 60_000);
afterAll(() => cloud.stop());

it('a post opened from Moments shows to a caller with no identity, with no sign-up and no lead', async () => {
  const seen = await ok<PostDetailResponse>(cloud, 'posts', 'get', { postId: post.postId }, '');
  expect(seen).toMatchObject({ postId: post.postId, title: '朋友圈探访', iLead: false, quota: 5, confirmedCount: 0 });
  expect(seen.mySignup).toBeUndefined();
});

it('a brigade opened from Moments shows to a caller with no identity, with no membership and no lead', async () => {
  const seen = await ok<BrigadeDetail>(cloud, 'brigades', 'get', { brigadeId: brigade.brigadeId }, '');
  expect(seen).toMatchObject({ brigadeId: brigade.brigadeId, name: '朋友圈大队', iLead: false });
  expect(seen.myStatus).toBeUndefined();
});

it.each([
  ['posts', 'signup', () => ({ postId: post.postId })],
  ['posts', 'list', () => ({})],
  ['brigades', 'list', () => ({})],
  ['volunteers', 'me', () => ({})],
  ['volunteers', 'register', () => registration()],
])('%s.%s refuses a caller with no identity, in Chinese, and writes nothing', async (fn, action, params) => {
  const reply = await call(cloud, fn, action, params(), '');
  expect(reply.body).toMatchObject({
    ok: false,
    code: 'UNAUTHENTICATED',
    message: '无法识别身份，请在微信中打开小程序',
  });
  expect(reply.metrics.docsWritten).toBe(0);
});

it('only posts.get and brigades.get are open to callers with no identity', () => {
  const found = execFileSync('grep', ['-rl', '--include=*.ts', '^  guest: true', 'server'], { encoding: 'utf8' });
  expect(found.trim().split('\n').sort()).toEqual(['server/brigades/browse.ts', 'server/posts/browse.ts']);
});
