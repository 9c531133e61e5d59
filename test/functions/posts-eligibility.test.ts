// Who may sign up: members-only posts, and the sign-up deadline on both sides of its edge.
import type { InviteResponse } from '../../typings/api/brigades';
import type { RosterEntry, SignupResponse } from '../../typings/api/posts';
import { call, fails, ok } from './helpers';
import { HOUR, NOW, postsWorld, type PostsWorld } from './posts-fixture';

let w: PostsWorld;

beforeAll(async () => {
  w = await postsWorld();
  for (const id of ['member', 'outsider', 'early', 'late']) await w.register(id, { name: `义工${id}` });
  const invite = await ok<InviteResponse>(w.cloud, 'brigades', 'invite', { brigadeId: w.brigade.brigadeId }, 'leader');
  await ok(w.cloud, 'brigades', 'join', { code: invite.code }, 'member');
});
afterAll(() => w.cloud.stop());

const rosterNames = async (postId: string) =>
  (await ok<{ items: RosterEntry[] }>(w.cloud, 'posts', 'roster', { postId }, 'leader')).items.map((r) => r.name);

describe('members-only posts', () => {
  it('refuse a volunteer who is not a member of the brigade, writing nothing', async () => {
    const post = await w.post({ membersOnly: true, title: '队内培训' });
    const reply = await call<SignupResponse>(w.cloud, 'posts', 'signup', { postId: post.postId }, 'outsider');
    expect(reply.body).toMatchObject({
      ok: false,
      code: 'PERMISSION_DENIED',
      message: '该服务仅限「石岐博爱大队」队员报名',
    });
    expect(reply.metrics.docsWritten).toBe(0);
    expect(await rosterNames(post.postId)).toEqual([]);
  });

  it('accept an active member of the brigade', async () => {
    const post = await w.post({ membersOnly: true, title: '队内培训二' });
    expect(await ok(w.cloud, 'posts', 'signup', { postId: post.postId }, 'member')).toEqual({ status: 'confirmed' });
    expect(await rosterNames(post.postId)).toEqual(['义工member']);
  });

  it('are open to anyone when not marked members-only', async () => {
    const post = await w.post({ title: '公开招募', startAt: NOW + 30 * HOUR, endAt: NOW + 31 * HOUR });
    expect(await ok(w.cloud, 'posts', 'signup', { postId: post.postId }, 'outsider')).toEqual({ status: 'confirmed' });
  });
});

describe('the sign-up deadline', () => {
  // The exact millisecond is covered by the rule's unit test (test/unit/posts-rules.test.ts): the local clock
  // keeps ticking, so a call cannot land on a chosen millisecond. Here: the function applies that rule.
  it('accepts a sign-up just before it and refuses one at it', async () => {
    const deadline = NOW + 10 * HOUR;
    const post = await w.post({ startAt: NOW + 12 * HOUR, endAt: NOW + 13 * HOUR, signupDeadline: deadline });
    await w.at(deadline - 5_000);
    expect(await ok(w.cloud, 'posts', 'signup', { postId: post.postId }, 'early')).toEqual({ status: 'confirmed' });
    await w.at(deadline);
    const late = await call(w.cloud, 'posts', 'signup', { postId: post.postId }, 'late');
    expect(late.body).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '报名已截止' });
    expect(late.metrics.docsWritten).toBe(0);
    expect(await rosterNames(post.postId)).toEqual(['义工early']);
    expect((await fails(w.cloud, 'posts', 'signup', { postId: post.postId }, 'late')).message).toBe('报名已截止');
  });
});
