// Contention: 200 people signing up at once for 50 places, five rounds; and withdrawals racing sign-ups.
import type { SignupResponse } from '../../typings/api/posts';
import type { Post } from '../../typings/entities';
import { ok } from './helpers';
import { HOUR, NOW, postsWorld, type PostsWorld } from './posts-fixture';

let w: PostsWorld;
const PEOPLE = 200;
const openids = Array.from({ length: PEOPLE }, (_, i) => `crowd-${i}`);

beforeAll(async () => {
  w = await postsWorld();
  await Promise.all(openids.map((id, i) => w.register(id, { name: `义工${i}` })));
}, 120_000);
afterAll(() => w.cloud.stop());

const signupAll = (postId: string, who: string[]) =>
  Promise.all(who.map((id) => ok<SignupResponse>(w.cloud, 'posts', 'signup', { postId }, id)));

async function counts(postId: string) {
  return ok<Post>(w.cloud, 'posts', 'get', { postId }, 'visitor');
}

describe('200 concurrent sign-ups for 50 places', () => {
  for (let round = 1; round <= 5; round += 1) {
    it(`confirms exactly 50 and waitlists 1..150 (round ${round})`, async () => {
      const post = await w.post({
        quota: 50,
        startAt: NOW + (100 + round * 3) * HOUR,
        endAt: NOW + (101 + round * 3) * HOUR,
      });
      const answers = await signupAll(post.postId, openids);
      expect(answers.filter((a) => a.status === 'confirmed')).toHaveLength(50);
      const positions = answers.flatMap((a) => (a.status === 'waitlisted' ? [a.position] : [])).sort((x, y) => x! - y!);
      expect(positions).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
      expect(await counts(post.postId)).toMatchObject({ confirmedCount: 50, waitlistCount: 150 });
    }, 60_000);
  }
});

describe('withdrawals racing sign-ups', () => {
  it('keeps the quota, one sign-up per person, and the counts true', async () => {
    const post = await w.post({ quota: 20, startAt: NOW + 200 * HOUR, endAt: NOW + 201 * HOUR });
    const first = openids.slice(0, 60);
    await signupAll(post.postId, first);
    const leaving = first.slice(0, 30);
    const joining = openids.slice(60, 120);
    await Promise.all([
      ...leaving.map((id) => ok(w.cloud, 'posts', 'withdraw', { postId: post.postId }, id)),
      ...joining.map((id) => ok(w.cloud, 'posts', 'signup', { postId: post.postId }, id)),
      ...first.slice(30, 40).map((id) => ok(w.cloud, 'posts', 'signup', { postId: post.postId }, id)),
    ]);
    const roster = await ok<{ items: { status: string; position?: number; volunteerId: string }[] }>(
      w.cloud,
      'posts',
      'roster',
      { postId: post.postId },
      'leader',
    );
    const confirmed = roster.items.filter((r) => r.status === 'confirmed');
    const waitlisted = roster.items.filter((r) => r.status === 'waitlisted');
    expect(confirmed).toHaveLength(20);
    expect(waitlisted).toHaveLength(60 - 30 + 60 - 20);
    expect(new Set(roster.items.map((r) => r.volunteerId)).size).toBe(roster.items.length);
    expect(await counts(post.postId)).toMatchObject({ confirmedCount: 20, waitlistCount: waitlisted.length });
  }, 60_000);
});
