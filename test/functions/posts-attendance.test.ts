// Check-in and check-out with the leader's rotating code, cancellation, and my sign-ups.
import type { SignupResponse } from '../../typings/api/posts';
import type { Page, Post, Signup } from '../../typings/entities';
import { fails, ok } from './helpers';
import { HOUR, NOW, postsWorld, type PostsWorld } from './posts-fixture';

let w: PostsWorld;
let post: Post;

beforeAll(async () => {
  w = await postsWorld();
  for (const id of ['a', 'b', 'c']) await w.register(`vol-${id}`, { name: `义工${id}` });
  post = await w.post({ quota: 1, startAt: NOW + 2 * HOUR, endAt: NOW + 4 * HOUR });
  await ok<SignupResponse>(w.cloud, 'posts', 'signup', { postId: post.postId }, 'vol-a');
  await ok<SignupResponse>(w.cloud, 'posts', 'signup', { postId: post.postId }, 'vol-b');
});
afterAll(() => w.cloud.stop());

const code = () =>
  ok<{ code: string; expiresAt: number }>(w.cloud, 'posts', 'checkinCode', { postId: post.postId }, 'leader');

describe('check-in and check-out', () => {
  it('gives only the leader a code that changes every minute', async () => {
    const first = await code();
    expect(first.code).toMatch(/^\d{6}$/);
    expect(first.expiresAt - NOW).toBeLessThanOrEqual(60_000);
    expect((await fails(w.cloud, 'posts', 'checkinCode', { postId: post.postId }, 'vol-a')).code).toBe(
      'PERMISSION_DENIED',
    );
  });

  it('opens check-in 30 minutes before the start, to confirmed volunteers with the current code', async () => {
    const early = await code();
    expect((await fails(w.cloud, 'posts', 'checkin', { postId: post.postId, code: early.code }, 'vol-a')).message).toBe(
      '不在签到时间内：开始前 30 分钟至结束前可以签到',
    );
    await w.advance(90 * 60_000); // 30 minutes before the start
    const now = await code();
    expect(
      (
        await fails(
          w.cloud,
          'posts',
          'checkin',
          { postId: post.postId, code: '000000' === now.code ? '111111' : '000000' },
          'vol-a',
        )
      ).code,
    ).toBe('INVALID_ARGUMENT');
    expect((await fails(w.cloud, 'posts', 'checkin', { postId: post.postId, code: now.code }, 'vol-b')).code).toBe(
      'FAILED_PRECONDITION',
    );
    const checkin = await ok<{ checkinAt: number }>(
      w.cloud,
      'posts',
      'checkin',
      { postId: post.postId, code: now.code },
      'vol-a',
    );
    expect(checkin.checkinAt).toBeGreaterThanOrEqual(NOW + 90 * 60_000);
    expect(await ok(w.cloud, 'posts', 'checkin', { postId: post.postId, code: now.code }, 'vol-a')).toEqual(checkin);
  });

  it('checks out with the minutes that overlap the post’s time', async () => {
    await w.advance(2.5 * HOUR); // an hour and a half past the start… plus the half hour before it
    const now = await code();
    const out = await ok<{ checkoutAt: number; minutes: number }>(
      w.cloud,
      'posts',
      'checkout',
      { postId: post.postId, code: now.code },
      'vol-a',
    );
    expect(out.minutes).toBe(120);
    const roster = await ok<{ items: { name: string; checkinAt?: number; checkoutAt?: number }[] }>(
      w.cloud,
      'posts',
      'roster',
      { postId: post.postId },
      'leader',
    );
    expect(roster.items[0]).toMatchObject({ name: '义工a', checkoutAt: out.checkoutAt });
  });
});

describe('cancelling a post', () => {
  it('cancels every sign-up, shows the reason, and closes sign-up', async () => {
    const later = await w.post({ quota: 1, startAt: NOW + 30 * HOUR, endAt: NOW + 31 * HOUR });
    await ok(w.cloud, 'posts', 'signup', { postId: later.postId }, 'vol-b');
    await ok(w.cloud, 'posts', 'signup', { postId: later.postId }, 'vol-c');
    expect((await fails(w.cloud, 'posts', 'cancel', { postId: later.postId, reason: '天气原因' }, 'vol-b')).code).toBe(
      'PERMISSION_DENIED',
    );
    const cancelled = await ok<Post>(
      w.cloud,
      'posts',
      'cancel',
      { postId: later.postId, reason: '台风停课' },
      'leader',
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '台风停课' });
    const mine = await ok<Post & { mySignup: Signup }>(w.cloud, 'posts', 'get', { postId: later.postId }, 'vol-c');
    expect(mine.mySignup.status).toBe('cancelled');
    expect((await fails(w.cloud, 'posts', 'signup', { postId: later.postId }, 'vol-a')).message).toBe('该招募已取消');
    const listed = await ok<Page<Post>>(w.cloud, 'posts', 'list', {}, 'visitor');
    expect(listed.items.map((p) => p.postId)).not.toContain(later.postId);
  });

  it('lists my upcoming sign-ups', async () => {
    const next = await w.post({
      quota: 5,
      title: '周末义卖',
      category: '义卖',
      startAt: NOW + 40 * HOUR,
      endAt: NOW + 41 * HOUR,
    });
    await ok(w.cloud, 'posts', 'signup', { postId: next.postId }, 'vol-c');
    const mine = await ok<Page<Post & { mySignup: Signup }>>(w.cloud, 'posts', 'mine', {}, 'vol-c');
    expect(mine.items.map((p) => [p.title, p.mySignup.status])).toEqual([['周末义卖', 'confirmed']]);
  });
});
