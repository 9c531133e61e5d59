// Visits are posts: an accepted service's visits become assigned posts of the plan's brigade with the carers signed
// up; only those concerned see them; check-in, recording, hours and statistics work; closing withdraws them.
import type { AssignRequest, MineItem, PlanServiceInput } from '../../typings/api/needs';
import type { BrigadeStatsResponse } from '../../typings/api/stats';
import type { BalanceResponse } from '../../typings/api/timebank';
import type { Page, Post, Signup } from '../../typings/entities';
import type { Assignment, PlanService } from '../../typings/needs';
import { HQ, fails, ok } from './helpers';
import { DAY, HOUR, NOW, haircut, needsWorld, type NeedsWorld } from './match-world';

let w: NeedsWorld;
let recipientId: string;
const tuesday = [{ weekday: 2, slot: 'morning' as const }];
/** NOW is Saturday 2026-11-28 09:00 in Shanghai: the weekly Tuesday visits of the next four weeks. */
const TUESDAYS = [1, 8, 15, 22].map((d) => Date.parse(`2026-12-${String(d).padStart(2, '0')}T09:00:00+08:00`));

beforeAll(async () => {
  w = await needsWorld(4);
  recipientId = await w.recipient();
  for (const id of ['carer-a', 'carer-b', 'carer-c']) {
    await w.register(id, { name: `理发${id.slice(-1)}`, specialties: ['理发'], availability: tuesday });
  }
});
afterAll(() => w.cloud.stop());

type RawPost = Post & { _id: string; lat?: number; visibility?: string };
type RawSignup = { _id: string; postId: string; volunteerId: string; status: string };

async function newPlan(over: Partial<PlanServiceInput> = {}) {
  const saved = await ok<{ planId: string; services: PlanService[] }>(
    w.cloud,
    'needs',
    'savePlan',
    {
      recipientId,
      brigadeId: w.brigade.brigadeId,
      goals: '每周理发',
      services: [haircut({ frequency: 'weekly', ...over })],
    },
    'coord',
  );
  return { planId: saved.planId, serviceId: saved.services[0].serviceId };
}
const assign = (req: AssignRequest) =>
  ok<{ assignments: Pick<Assignment, 'assignmentId' | 'volunteerId' | 'status'>[] }>(
    w.cloud,
    'needs',
    'assign',
    req,
    'coord',
  );
const accept = (assignmentId: string, openid: string) =>
  ok(w.cloud, 'needs', 'respond', { assignmentId, accept: true }, openid);
const visits = (planId: string) => w.docs<RawPost>('posts', { planId });
const signupsOf = async (planId: string) => {
  const ids = (await visits(planId)).map((p) => p._id);
  return (await w.docs<RawSignup>('signups', {})).filter((s) => ids.includes(s.postId));
};
const carerId = (openid: string) => w.people[openid].volunteerId;

/** A weekly plan whose service is offered to `carers`, each of whom accepts (concurrently when `together`). */
async function acceptedPlan(carers: string[], together = false, over: Partial<PlanServiceInput> = {}) {
  const p = await newPlan({ people: carers.length, ...over });
  const offered = await assign({ ...p, volunteerIds: carers.map(carerId) });
  const answers = offered.assignments.map((a, i) => () => accept(a.assignmentId, carers[i]));
  if (together) await Promise.all(answers.map((answer) => answer()));
  else for (const answer of answers) await answer();
  return p;
}

describe('an accepted service schedules its visits as assigned posts', () => {
  let planId: string;
  let first: string;
  beforeAll(async () => {
    ({ planId } = await acceptedPlan(['carer-a']));
    first = (await visits(planId)).sort((x, y) => x.startAt - y.startAt)[0]._id;
  });

  it('makes one visit per Tuesday of the next four weeks, the carer signed up, no address stored', async () => {
    const posts = (await visits(planId)).sort((x, y) => x.startAt - y.startAt);
    expect(posts.map((p) => p.startAt)).toEqual(TUESDAYS);
    expect(posts[0]).toMatchObject({
      title: '结对探访 · 陈婆婆 · 义剪',
      address: '悦来社区（地址见结对详情）',
      brigadeId: w.brigade.brigadeId,
      visibility: 'assigned',
      quota: 1,
      confirmedCount: 1,
      endAt: TUESDAYS[0] + HOUR,
    });
    expect(JSON.stringify(posts)).not.toContain('悦来南路');
    expect(posts[0].lat).toBeUndefined();
    const mine = await ok<Page<Post & { mySignup: Signup }>>(w.cloud, 'posts', 'mine', {}, 'carer-a');
    expect(mine.items.filter((p) => p.visibility === 'assigned').map((p) => p.startAt)).toEqual(TUESDAYS);
    expect(mine.items[0].mySignup.status).toBe('confirmed');
  });

  it('tells the carer in 我的结对 when the next visit is, and which post it is', async () => {
    const pairs = await ok<Page<MineItem>>(w.cloud, 'needs', 'mine', {}, 'carer-a');
    const pair = pairs.items.find((item) => item.planId === planId);
    expect(pair).toMatchObject({ status: 'accepted', nextVisitAt: TUESDAYS[0], nextVisitPostId: first });
  });

  it('never shows them in the feed, by time, town, brigade or distance; public posts stay', async () => {
    const open = await ok<Post>(
      w.cloud,
      'posts',
      'create',
      {
        brigadeId: w.brigade.brigadeId,
        title: '义剪进社区',
        description: '为长者理发。',
        category: '义剪',
        address: '石岐区悦来南路 1 号',
        lat: 22.52,
        lng: 113.38,
        startAt: TUESDAYS[0] + HOUR,
        endAt: TUESDAYS[0] + 3 * HOUR,
        quota: 3,
      },
      'leader',
    );
    for (const params of [
      {},
      { town: '石岐区' },
      { brigadeId: w.brigade.brigadeId },
      { category: '义剪' },
      { lat: 22.52, lng: 113.38 },
    ]) {
      const feed = await ok<Page<Post>>(w.cloud, 'posts', 'list', { ...params, pageSize: 50 }, 'carer-a');
      expect(feed.items.map((p) => p.postId)).toEqual([open.postId]);
    }
  });

  it('answers posts.get only to its carer, the leader, the coordinator and hq; others NOT_FOUND', async () => {
    for (const who of ['carer-a', 'leader', 'coord', HQ]) {
      expect((await ok<Post>(w.cloud, 'posts', 'get', { postId: first }, who)).visibility).toBe('assigned');
    }
    for (const who of ['carer-b', 'stranger', 'east', 'unregistered']) {
      expect((await fails(w.cloud, 'posts', 'get', { postId: first }, who)).code).toBe('NOT_FOUND');
    }
  });

  it('costs the carer no more than any post: posts.get in 2 requests', async () => {
    const reply = await w.cloud.request('posts', { action: 'get', postId: first }, 'carer-a');
    expect(reply.body).toEqual(expect.objectContaining({ ok: true }));
    expect(reply.metrics.requests).toBeLessThanOrEqual(2);
  });

  it('refuses a sign-up or a withdrawal by anyone else as if the visit did not exist', async () => {
    expect((await fails(w.cloud, 'posts', 'signup', { postId: first }, 'carer-b')).code).toBe('NOT_FOUND');
    expect((await fails(w.cloud, 'posts', 'withdraw', { postId: first }, 'carer-b')).code).toBe('NOT_FOUND');
    expect((await visits(planId)).find((p) => p._id === first)?.confirmedCount).toBe(1);
  });

  it("shows them on the leader's workbench, marked as visits", async () => {
    const bench = await ok<Page<Post>>(
      w.cloud,
      'posts',
      'ofBrigade',
      { brigadeId: w.brigade.brigadeId, state: 'upcoming', pageSize: 50 },
      'leader',
    );
    expect(bench.items.filter((p) => p.planId === planId).map((p) => p.visibility)).toEqual(
      TUESDAYS.map(() => 'assigned'),
    );
  });
});

describe('scheduling is idempotent and follows the carers', () => {
  it('makes no duplicate visits when two carers accept at the same moment, and signs both up', async () => {
    const { planId } = await acceptedPlan(['carer-a', 'carer-b'], true, { weekday: 3 });
    const posts = await visits(planId);
    expect(posts).toHaveLength(4);
    expect(posts.map((p) => p.confirmedCount)).toEqual([2, 2, 2, 2]);
    expect((await signupsOf(planId)).filter((s) => s.status === 'confirmed')).toHaveLength(8);
  });

  it('lets a carer accepted later join the existing future visits', async () => {
    const p = await newPlan({ people: 2, weekday: 4 });
    const [a] = (await assign({ ...p, volunteerIds: [carerId('carer-a')] })).assignments;
    await accept(a.assignmentId, 'carer-a');
    expect((await visits(p.planId)).map((v) => v.confirmedCount)).toEqual([1, 1, 1, 1]);
    const [c] = (await assign({ ...p, volunteerIds: [carerId('carer-c')] })).assignments;
    await accept(c.assignmentId, 'carer-c');
    expect(await visits(p.planId)).toHaveLength(4);
    const joined = (await signupsOf(p.planId)).filter((s) => s.volunteerId === carerId('carer-c'));
    expect(joined.map((s) => s.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed']);
  });

  it('moves the visits when the coordinator moves the service to another day, and takes more people', async () => {
    const p = await acceptedPlan(['carer-b'], false, { weekday: 1 });
    const moved = haircut({ frequency: 'weekly', weekday: 3, people: 2 });
    const services = [{ ...moved, serviceId: p.serviceId }];
    const body = { planId: p.planId, recipientId, brigadeId: w.brigade.brigadeId, goals: '每周理发', services };
    await ok(w.cloud, 'needs', 'savePlan', body, 'coord');
    const all = await visits(p.planId);
    const live = all.filter((v) => v.status === 'published').sort((x, y) => x.startAt - y.startAt);
    expect(live.map((v) => v.startAt)).toEqual(TUESDAYS.map((t) => t + DAY));
    expect(live.map((v) => [v.quota, v.confirmedCount])).toEqual(live.map(() => [2, 1]));
    expect(all.filter((v) => v.status === 'cancelled')).toHaveLength(4);
    const mine = await ok<Page<Post>>(w.cloud, 'posts', 'mine', { pageSize: 50 }, 'carer-b');
    expect(mine.items.filter((v) => v.planId === p.planId).map((v) => v.startAt)).toEqual(live.map((v) => v.startAt));
  });

  it('withdraws the future sign-ups and cancels the visits when the plan closes', async () => {
    const { planId } = await acceptedPlan(['carer-b'], false, { weekday: 5 });
    await ok(w.cloud, 'needs', 'reviewPlan', { planId, close: true, note: '已入住养老院' }, 'coord');
    expect((await signupsOf(planId)).map((s) => s.status)).toEqual([
      'withdrawn',
      'withdrawn',
      'withdrawn',
      'withdrawn',
    ]);
    expect((await visits(planId)).map((p) => p.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    const mine = await ok<Page<Post>>(w.cloud, 'posts', 'mine', {}, 'carer-b');
    expect(mine.items.filter((p) => p.planId === planId)).toEqual([]);
  });
});

describe('a visit is served like any post', () => {
  it('checks the carer in with the leader’s code, the leader records, hours and statistics count it', async () => {
    const { planId } = await acceptedPlan(['carer-c'], false, { weekday: 0, durationMinutes: 90 });
    const [visit] = (await visits(planId)).sort((x, y) => x.startAt - y.startAt);
    await w.advance(visit.startAt - NOW - 10 * 60_000);
    const { code } = await ok<{ code: string }>(w.cloud, 'posts', 'checkinCode', { postId: visit._id }, 'leader');
    await ok(w.cloud, 'posts', 'checkin', { postId: visit._id, code }, 'carer-c');
    await w.advance(2 * HOUR);
    const entries = [{ volunteerId: carerId('carer-c'), rating: 5 }];
    await ok(w.cloud, 'timebank', 'record', { postId: visit._id, entries }, 'leader');
    const balance = await ok<BalanceResponse>(w.cloud, 'timebank', 'balance', {}, 'carer-c');
    expect(balance.earnedMinutes).toBe(90);
    const stats = await ok<BrigadeStatsResponse>(
      w.cloud,
      'stats',
      'brigade',
      { brigadeId: w.brigade.brigadeId, from: NOW, to: NOW + 40 * DAY },
      HQ,
    );
    expect(stats.sessions).toBe(1);
    expect(stats.minutes).toBe(90);
  });

  it('tops up the rolling window once a day from the timer, without duplicates', async () => {
    const { planId } = await acceptedPlan(['carer-a'], false, { weekday: 6 });
    const before = await visits(planId);
    // To 03:00 in Shanghai a week later: one more Saturday comes into the window.
    const three = Date.parse('2026-12-07T03:00:00+08:00');
    await fetch(`${w.cloud.url}/v1/clock`, { method: 'POST', body: JSON.stringify({ now: three + 60_000 }) });
    await Promise.all([w.cloud.fireTrigger('needs'), w.cloud.fireTrigger('needs')]);
    const after = await visits(planId);
    expect(after.length).toBe(before.length + 1);
    expect(new Set(after.map((p) => p._id)).size).toBe(after.length);
    expect(after.filter((p) => p.startAt > three).every((p) => p.confirmedCount === 1)).toBe(true);
  });
});
