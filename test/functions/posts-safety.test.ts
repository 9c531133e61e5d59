// Content safety: every text of a post that others see (title, description, address, cancellation reason)
// passes msgSecCheck; a risky one is refused naming the field, and nothing is stored or sent.
import type { Page, Post, Signup } from '../../typings/entities';
import { call, ok } from './helpers';
import { HOUR, NOW, postsWorld, type PostsWorld } from './posts-fixture';

let w: PostsWorld;

beforeAll(async () => {
  w = await postsWorld();
  await w.register('vol-a', { name: '义工a' });
});
afterAll(() => w.cloud.stop());

const RISKY = '内容含有不适宜发布的信息，请修改';

const outbox = async () => (await (await fetch(`${w.cloud.url}/v1/outbox`)).json()) as unknown[];

describe('posts.create', () => {
  it('refuses a risky address and stores no post', async () => {
    const reply = await call(
      w.cloud,
      'posts',
      'create',
      {
        brigadeId: w.brigade.brigadeId,
        title: '社区探访',
        description: '陪伴长者',
        category: '探访慰问',
        address: '石岐区赌博街 1 号',
        startAt: NOW + 48 * HOUR,
        endAt: NOW + 50 * HOUR,
        quota: 3,
      },
      'leader',
    );
    expect(reply.body).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', fields: { address: RISKY } });
    expect(reply.metrics.docsWritten).toBe(0);
    expect((await ok<Page<Post>>(w.cloud, 'posts', 'list', {}, 'visitor')).items).toEqual([]);
  });
});

describe('posts.update', () => {
  it('refuses a risky address or description and keeps the post as it was', async () => {
    const post = await w.post({ title: '周末探访', startAt: NOW + 24 * HOUR, endAt: NOW + 25 * HOUR });
    const reply = await call(
      w.cloud,
      'posts',
      'update',
      { postId: post.postId, address: '代开发票服务点', description: '加微信返利' },
      'leader',
    );
    expect(reply.body).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      fields: { address: RISKY, description: RISKY },
    });
    expect(reply.metrics.docsWritten).toBe(0);
    const got = await ok<Post>(w.cloud, 'posts', 'get', { postId: post.postId }, 'visitor');
    expect(got).toMatchObject({ address: post.address, description: post.description });
  });
});

describe('posts.cancel', () => {
  it('refuses a risky reason: the post stays published, sign-ups stay, no notice is queued', async () => {
    const post = await w.post({ title: '周日探访', startAt: NOW + 72 * HOUR, endAt: NOW + 73 * HOUR });
    await ok(w.cloud, 'posts', 'signup', { postId: post.postId }, 'vol-a');
    const sent = (await outbox()).length;
    const reply = await call(w.cloud, 'posts', 'cancel', { postId: post.postId, reason: '加微信返利' }, 'leader');
    expect(reply.body).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', fields: { reason: RISKY } });
    expect(reply.metrics.docsWritten).toBe(0);
    const got = await ok<Post & { mySignup: Signup }>(w.cloud, 'posts', 'get', { postId: post.postId }, 'vol-a');
    expect(got).toMatchObject({ status: 'published', mySignup: { status: 'confirmed' } });
    expect(got.cancelReason).toBeUndefined();
    expect(await outbox()).toHaveLength(sent);
    const cancelled = await ok<Post>(w.cloud, 'posts', 'cancel', { postId: post.postId, reason: '天气原因' }, 'leader');
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '天气原因' });
  });
});
