// What posts.get shows each person (confirmed, waitlisted with their place, withdrawn) after random sign-ups and
// withdrawals, against a model of the queue: places exact and gap-free. Randomized: PLACES_SEED repeats a run,
// PLACES_ROUNDS sets how many posts (seeds PLACES_SEED, PLACES_SEED + 1, …) one run plays.
import type { SignupResponse } from '../../typings/api/posts';
import type { Post, Signup } from '../../typings/entities';
import { seededRandom } from '../helpers/random';
import { call, ok } from './helpers';
import { HOUR, NOW, postsWorld, type PostsWorld } from './posts-fixture';

const SEED = Number(process.env.PLACES_SEED ?? Date.now() % 100_000);
const ROUNDS = Number(process.env.PLACES_ROUNDS ?? 3);
const people = Array.from({ length: 8 }, (_, i) => `queue-${i}`);
let w: PostsWorld;

beforeAll(async () => {
  console.log(`places seed ${SEED}, ${ROUNDS} rounds (PLACES_SEED=${SEED} PLACES_ROUNDS=${ROUNDS} to repeat)`);
  w = await postsWorld();
  for (const id of people) await w.register(id);
}, 60_000);
afterAll(() => w.cloud.stop());

/** A whole number in [0, n) from the seeded generator. */
function random(seed: number) {
  const next = seededRandom(seed);
  return (n: number) => Math.floor(next() * n);
}

/** What a person should see: the queue as the rules keep it (first come, first promoted). */
class Queue {
  confirmed = new Set<string>();
  waitlist: string[] = [];
  withdrawn = new Set<string>();
  constructor(readonly quota: number) {}

  holds = (who: string) => this.confirmed.has(who) || this.waitlist.includes(who);

  signup(who: string): SignupResponse {
    this.withdrawn.delete(who);
    if (this.confirmed.size < this.quota) {
      this.confirmed.add(who);
      return { status: 'confirmed' };
    }
    this.waitlist.push(who);
    return { status: 'waitlisted', position: this.waitlist.length };
  }

  withdraw(who: string): void {
    this.withdrawn.add(who);
    if (this.confirmed.delete(who)) {
      const next = this.waitlist.shift();
      if (next) this.confirmed.add(next);
    } else this.waitlist = this.waitlist.filter((x) => x !== who);
  }

  seen(who: string): Partial<Signup> | undefined {
    if (this.confirmed.has(who)) return { status: 'confirmed' };
    const at = this.waitlist.indexOf(who);
    if (at >= 0) return { status: 'waitlisted', position: at + 1 };
    return this.withdrawn.has(who) ? { status: 'withdrawn' } : undefined;
  }
}

async function shown(postId: string, who: string): Promise<Partial<Signup> | undefined> {
  const data = await ok<Post & { mySignup?: Signup }>(w.cloud, 'posts', 'get', { postId }, who);
  if (!data.mySignup) return undefined;
  const { status, position } = data.mySignup;
  return position === undefined ? { status } : { status, position };
}

it('posts.get shows every person their status and exact place in the waitlist', async () => {
  for (let round = 0; round < ROUNDS; round += 1) {
    const seed = SEED + round;
    const rnd = random(seed);
    const queue = new Queue(1 + rnd(3));
    const startAt = NOW + (200 + round * 3) * HOUR;
    const post = await w.post({ quota: queue.quota, startAt, endAt: startAt + HOUR });
    for (let step = 0; step < 14; step += 1) {
      const who = people[rnd(people.length)];
      const context = `seed ${seed}, step ${step}, ${who}`;
      if (queue.holds(who)) {
        queue.withdraw(who);
        const reply = await call(w.cloud, 'posts', 'withdraw', { postId: post.postId }, who);
        expect({ context, body: reply.body }).toMatchObject({ context, body: { ok: true } });
      } else {
        const expected = queue.signup(who);
        const answer = await ok<SignupResponse>(w.cloud, 'posts', 'signup', { postId: post.postId }, who);
        expect({ context, answer }).toEqual({ context, answer: expected });
      }
      expect({ context, seen: await shown(post.postId, who) }).toEqual({ context, seen: queue.seen(who) });
    }
    for (const who of people) {
      const context = `seed ${seed}, at the end, ${who}`;
      expect({ context, seen: await shown(post.postId, who) }).toEqual({ context, seen: queue.seen(who) });
    }
    const counts = await ok<Post>(w.cloud, 'posts', 'get', { postId: post.postId }, 'visitor');
    expect(counts).toMatchObject({ confirmedCount: queue.confirmed.size, waitlistCount: queue.waitlist.length });
  }
}, 600_000);
