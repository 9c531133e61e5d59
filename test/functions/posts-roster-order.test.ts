// The roster lists people in the order they signed up, the same on every run (ids are random, so they only break ties).
import type { RosterEntry, SignupResponse } from '../../typings/api/posts';
import { ok } from './helpers';
import { HOUR, NOW, postsWorld, type PostsWorld } from './posts-fixture';

let w: PostsWorld;
const NAMES = ['甲', '乙', '丙', '丁', '戊', '己', '庚'];

beforeAll(async () => {
  w = await postsWorld();
  for (const [i, name] of NAMES.entries()) await w.register(`vol-${i}`, { name: `义工${name}` });
});
afterAll(() => w.cloud.stop());

it('lists the confirmed in sign-up order, then the waitlist in its order', async () => {
  const post = await w.post({ quota: 5, startAt: NOW + 24 * HOUR, endAt: NOW + 26 * HOUR });
  for (const i of NAMES.keys()) {
    await ok<SignupResponse>(w.cloud, 'posts', 'signup', { postId: post.postId }, `vol-${i}`);
    await w.advance(60_000);
  }
  const roster = await ok<{ items: RosterEntry[] }>(w.cloud, 'posts', 'roster', { postId: post.postId }, 'leader');
  expect(roster.items.map((r) => [r.name, r.status])).toEqual(
    NAMES.map((name, i) => [`义工${name}`, i < 5 ? 'confirmed' : 'waitlisted']),
  );
});
