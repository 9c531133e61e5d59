// needs.match / assign / respond and the offer-expiry timer through the real local cloud: ranking and its
// reasons, who may, the request budget, offers and notices, the accept race, expiry moving on.
import type { AssignRequest, MatchResponse, PlanServiceInput } from '../../typings/api/needs';
import type { Assignment, AssignmentStatus, Plan, PlanService } from '../../typings/needs';
import type { Group } from '../../typings/entities';
import { fails, ok } from './helpers';
import { HOUR, NOW, haircut, needsWorld, type NeedsWorld } from './match-world';

let w: NeedsWorld;
let recipientId: string;
const tuesday = [{ weekday: 2, slot: 'morning' as const }];
beforeAll(async () => {
  w = await needsWorld(4);
  recipientId = await w.recipient();
});
afterAll(() => w.cloud.stop());

async function newPlan(over: Partial<PlanServiceInput> = {}): Promise<{ planId: string; serviceId: string }> {
  const saved = await ok<{ planId: string; services: PlanService[] }>(
    w.cloud,
    'needs',
    'savePlan',
    { recipientId, brigadeId: w.brigade.brigadeId, goals: '每月理发', services: [haircut(over)] },
    'coord',
  );
  return { planId: saved.planId, serviceId: saved.services[0].serviceId };
}
const assign = (req: AssignRequest, openid = 'coord') =>
  ok<{ assignments: Pick<Assignment, 'assignmentId' | 'volunteerId' | 'status'>[] }>(
    w.cloud,
    'needs',
    'assign',
    req,
    openid,
  );
const plan = (planId: string) =>
  ok<Plan & { assignments: Assignment[] }>(w.cloud, 'needs', 'plan', { planId }, 'coord');
const statuses = async (planId: string) =>
  Object.fromEntries((await plan(planId)).assignments.map((a) => [a.name, a.status])) as Record<
    string,
    AssignmentStatus
  >;

describe('needs.match', () => {
  it('ranks who fits best first with reasons, and counts each filter that excluded someone', async () => {
    const p = await newPlan();
    await w.register('barber-near', { name: '近理发', specialties: ['理发'], availability: tuesday });
    await w.register('barber-far', {
      name: '远理发',
      community: '别处社区',
      specialties: ['理发'],
      availability: tuesday,
    });
    await w.register('barber-busy-day', {
      name: '周三有空',
      specialties: ['理发'],
      availability: [{ weekday: 3, slot: 'morning' }],
    });
    await w.register('medic', { name: '医生', specialties: ['医疗'], availability: tuesday });
    const reply = await ok<MatchResponse>(w.cloud, 'needs', 'match', p, 'coord');
    const names = reply.items.map((c) => c.name);
    expect(names.slice(0, 2)).toEqual(['近理发', '远理发']);
    expect(names).not.toContain('医生');
    expect(reply.items[0].reasons).toEqual(expect.arrayContaining(['同社区', '擅长理发', '周二上午有空']));
    expect(reply.items[0].score).toBeGreaterThan(reply.items[1].score);
    expect(reply.excluded).toEqual(expect.arrayContaining([{ reason: '周二上午没空', count: 1 }]));
  });

  it('stays within the request budget (≤ 5 requests, ≤ 1,000 documents)', async () => {
    const p = await newPlan();
    const reply = await w.cloud.request('needs', { action: 'match', ...p }, 'coord');
    expect(reply.body).toEqual(expect.objectContaining({ ok: true }));
    expect(reply.metrics.requests).toBeLessThanOrEqual(5);
    expect(reply.metrics.docsRead).toBeLessThanOrEqual(1000);
  });

  it('is refused to another town, an unrelated leader and a volunteer; the brigade leader may', async () => {
    const p = await newPlan();
    for (const who of ['east', 'stranger', 'medic']) {
      expect((await fails(w.cloud, 'needs', 'match', p, who)).code).toBe('PERMISSION_DENIED');
      expect((await fails(w.cloud, 'needs', 'assign', { ...p, volunteerIds: ['x'] }, who)).code).toBe(
        'PERMISSION_DENIED',
      );
    }
    await expect(ok(w.cloud, 'needs', 'match', p, 'leader')).resolves.toBeDefined();
    expect((await fails(w.cloud, 'needs', 'match', { ...p, serviceId: 'nope' }, 'coord')).code).toBe('NOT_FOUND');
  });
});

describe('needs.assign and respond', () => {
  it('offers once per pair with a notice, and only the offered volunteer may answer', async () => {
    const p = await newPlan();
    const v = w.people['barber-near'].volunteerId;
    const first = await assign({ ...p, volunteerIds: [v] });
    const again = await assign({ ...p, volunteerIds: [v] });
    expect(first.assignments[0].status).toBe('offered');
    expect(again.assignments).toEqual(first.assignments);
    expect(await w.docs('assignments', { planId: p.planId })).toHaveLength(1);
    const notices = await w.docs<{ subject: string; data: Record<string, { value: string }> }>('outbox', {
      kind: 'offered',
      subject: `assignment:${first.assignments[0].assignmentId}`,
    });
    expect(notices).toHaveLength(1);
    expect(notices[0].data.phrase2.value).toBe('结对邀请');
    expect(notices[0].data.thing1.value).toBe('陈婆婆 · 义剪');
    const id = first.assignments[0].assignmentId;
    expect((await fails(w.cloud, 'needs', 'respond', { assignmentId: id, accept: true }, 'medic')).code).toBe(
      'PERMISSION_DENIED',
    );
    await ok(w.cloud, 'needs', 'respond', { assignmentId: id, accept: false, reason: '那天要上班' }, 'barber-near');
    const [doc] = await w.docs<{ status: string; reason: string }>('assignments', { _id: id });
    expect(doc).toEqual(expect.objectContaining({ status: 'declined', reason: '那天要上班' }));
  });

  it('refuses an assignment without volunteers or group, and a group of another brigade', async () => {
    const p = await newPlan();
    expect((await fails(w.cloud, 'needs', 'assign', p, 'coord')).message).toBe('请选择要指派的义工，或选择一个小组');
    const error = await fails(w.cloud, 'needs', 'assign', { ...p, groupId: 'no-such-group' }, 'coord');
    expect(error).toEqual(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(await w.docs('assignments', { planId: p.planId })).toHaveLength(0);
  });

  it('offers a whole group of the brigade', async () => {
    const p = await newPlan({ people: 2, specialties: [] });
    const members = ['g1', 'g2'];
    for (const m of members) await w.register(m, { name: `组员${m}` });
    const invite = await ok<{ code: string }>(
      w.cloud,
      'brigades',
      'invite',
      { brigadeId: w.brigade.brigadeId },
      'leader',
    );
    for (const m of members) await ok(w.cloud, 'brigades', 'join', { code: invite.code }, m);
    const group = await ok<Group>(
      w.cloud,
      'brigades',
      'saveGroup',
      { brigadeId: w.brigade.brigadeId, name: '理发小组', volunteerIds: members.map((m) => w.people[m].volunteerId) },
      'leader',
    );
    const reply = await assign({ ...p, groupId: group.groupId });
    expect(reply.assignments.map((a) => a.status)).toEqual(['offered', 'offered']);
    expect((await plan(p.planId)).assignments.every((a) => a.groupId === group.groupId)).toBe(true);
  });

  it('accepts exactly `people` of five offered volunteers answering at once', async () => {
    const p = await newPlan({ people: 2, specialties: [] });
    const crowd = ['race1', 'race2', 'race3', 'race4', 'race5'];
    for (const c of crowd) await w.register(c, { name: c });
    const offered = await assign({ ...p, volunteerIds: crowd.map((c) => w.people[c].volunteerId) });
    const answers = await Promise.all(
      offered.assignments.map((a, i) =>
        w.cloud.request('needs', { action: 'respond', assignmentId: a.assignmentId, accept: true }, crowd[i]),
      ),
    );
    const bodies = answers.map((a) => a.body as { ok: boolean; code?: string });
    expect(bodies.filter((b) => b.ok)).toHaveLength(2);
    expect(bodies.filter((b) => !b.ok).map((b) => b.code)).toEqual(Array(3).fill('FAILED_PRECONDITION'));
    const after = await plan(p.planId);
    expect(after.services[0]).toEqual(expect.objectContaining({ acceptedCount: 2, status: 'covered' }));
    expect(after.assignments.filter((a) => a.status === 'accepted')).toHaveLength(2);
  });

  it('turns a volunteered pair into an accepted one directly', async () => {
    const p = await newPlan({ specialties: [] });
    const v = await w.register('helper', { name: '热心人' });
    const pairId = `${p.planId}:${p.serviceId}:${v.volunteerId}`;
    await w.insert('assignments', [
      {
        _id: pairId,
        ...p,
        recipientId,
        town: '石岐区',
        volunteerId: v.volunteerId,
        name: '热心人',
        cardNo: v.cardNo,
        status: 'volunteered',
        offeredAt: NOW,
        updatedAt: NOW,
      },
    ]);
    const reply = await assign({ ...p, volunteerIds: [v.volunteerId] });
    expect(reply.assignments).toEqual([{ assignmentId: pairId, volunteerId: v.volunteerId, status: 'accepted' }]);
    expect((await plan(p.planId)).services[0].status).toBe('covered');
  });
});

describe('declining', () => {
  it('offers the service to the next best candidate not yet asked, and refuses bad answers', async () => {
    const p = await newPlan();
    await w.register('decline-a', { name: '甲理发', specialties: ['理发'], availability: tuesday });
    const best = (await ok<MatchResponse>(w.cloud, 'needs', 'match', p, 'coord')).items;
    const [first, second] = best;
    const offered = await assign({ ...p, volunteerIds: [first.volunteerId] });
    const openid = Object.keys(w.people).find((k) => w.people[k].volunteerId === first.volunteerId) as string;
    const bad = await fails(w.cloud, 'needs', 'respond', { assignmentId: offered.assignments[0].assignmentId }, openid);
    expect(bad.code).toBe('INVALID_ARGUMENT');
    await ok(w.cloud, 'needs', 'respond', { assignmentId: offered.assignments[0].assignmentId, accept: false }, openid);
    const after = await plan(p.planId);
    expect(after.assignments.map((a) => [a.volunteerId, a.status])).toEqual(
      expect.arrayContaining([
        [first.volunteerId, 'declined'],
        [second.volunteerId, 'offered'],
      ]),
    );
    expect(after.assignments).toHaveLength(2);
    const late = await fails(
      w.cloud,
      'needs',
      'respond',
      { assignmentId: offered.assignments[0].assignmentId, accept: true },
      openid,
    );
    expect(late.code).toBe('FAILED_PRECONDITION');
  });
});

describe('the offer-expiry timer', () => {
  it('expires an unanswered offer after 48 h and offers the next candidate once, even when runs overlap', async () => {
    const p = await newPlan({ people: 2 });
    const keeper = w.people['barber-far'].volunteerId;
    const offered = await assign({ ...p, volunteerIds: [keeper, w.people['barber-near'].volunteerId] });
    await ok(
      w.cloud,
      'needs',
      'respond',
      { assignmentId: offered.assignments[0].assignmentId, accept: true },
      'barber-far',
    );
    await w.register('barber-new', { name: '新理发', specialties: ['理发'], availability: tuesday });
    await w.advance(47 * HOUR);
    await w.cloud.fireTrigger('needs');
    expect(await statuses(p.planId)).toEqual({ 远理发: 'accepted', 近理发: 'offered' });
    await w.advance(2 * HOUR);
    await Promise.all([w.cloud.fireTrigger('needs'), w.cloud.fireTrigger('needs')]);
    const after = await statuses(p.planId);
    expect(Object.keys(after)).toHaveLength(3);
    expect(after).toEqual(expect.objectContaining({ 远理发: 'accepted', 近理发: 'expired' }));
    expect(Object.values(after).filter((s) => s === 'offered')).toHaveLength(1);
    expect((await plan(p.planId)).services[0]).toEqual(expect.objectContaining({ acceptedCount: 1, offeredCount: 1 }));
  });
});
