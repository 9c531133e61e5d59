// needs.savePlan / plans / plan / reviewPlan / addNote through the real local cloud: who may, bad input, what is
// stored (no address or phone in plain text), editing, review and closing.
import type { Assignment, Plan, PlanService, VisitNote } from '../../typings/needs';
import type { Page } from '../../typings/entities';
import { call, fails, ok } from './helpers';
import { DAY, NOW, haircut, needsWorld, type NeedsWorld } from './match-world';

let w: NeedsWorld;
let recipientId: string;
beforeAll(async () => {
  w = await needsWorld();
  recipientId = await w.recipient();
});
afterAll(() => w.cloud.stop());

const request = (over: object = {}) => ({
  recipientId,
  brigadeId: w.brigade.brigadeId,
  goals: '每月理发一次，保持仪容整洁',
  services: [haircut()],
  reviewAt: NOW + 90 * DAY,
  ...over,
});
type Saved = { planId: string; services: PlanService[] };
const save = (openid: string, over: object = {}) => ok<Saved>(w.cloud, 'needs', 'savePlan', request(over), openid);

describe('needs.savePlan', () => {
  it('stores a plan with its services for the coordinator, never the address or phone in plain text', async () => {
    const saved = await save('coord');
    expect(saved.services).toEqual([
      expect.objectContaining({ category: '义剪', status: 'open', acceptedCount: 0, offeredCount: 0 }),
    ]);
    const [raw] = await w.docs<Record<string, unknown>>('plans', { _id: saved.planId });
    const text = JSON.stringify(raw);
    expect(text).not.toMatch(/悦来南路|13912345678|陈阿婆|22\.52/);
    expect(raw.positionEnc).toMatch(/^v2:/);
    const plan = await ok<Plan>(w.cloud, 'needs', 'plan', { planId: saved.planId }, 'coord');
    expect(plan.recipient).toEqual(expect.objectContaining({ displayName: '陈婆婆', community: '悦来社区' }));
    expect(plan.brigadeName).toBe('石岐博爱大队');
  });

  it('lets the brigade leader save, and denies another town, an unrelated leader and a volunteer', async () => {
    await expect(save('leader')).resolves.toEqual(expect.objectContaining({ planId: expect.any(String) }));
    await w.register('plain');
    const before = (await w.docs('plans')).length;
    for (const who of ['east', 'stranger', 'plain']) {
      expect((await fails(w.cloud, 'needs', 'savePlan', request(), who)).code).toBe('PERMISSION_DENIED');
    }
    expect(await w.docs('plans')).toHaveLength(before);
  });

  it('refuses bad services with a clear message and writes nothing', async () => {
    const before = (await w.docs('plans')).length;
    const bad: [object, RegExp][] = [
      [{ services: [haircut({ durationMinutes: 10 })] }, /服务时长.*不能小于 15/],
      [{ services: [haircut({ durationMinutes: 481 })] }, /服务时长.*不能大于 480/],
      [{ services: [haircut({ people: 6 })] }, /每次人数不能大于 5/],
      [{ services: [haircut({ weekday: undefined })] }, /定期服务须选择星期几/],
      [{ services: [haircut({ endDate: NOW })] }, /结束日期须晚于开始日期/],
      [{ services: [] }, /请至少添加一项服务/],
      [{ reviewAt: NOW - DAY }, /评估日期须在今天之后/],
    ];
    for (const [over, message] of bad) {
      const error = await fails(w.cloud, 'needs', 'savePlan', request(over), 'coord');
      expect([error.code, error.message]).toEqual(['INVALID_ARGUMENT', expect.stringMatching(message)]);
    }
    expect(await w.docs('plans')).toHaveLength(before);
  });

  it('keeps service ids when editing, and refuses to drop a service someone accepted', async () => {
    const saved = await save('coord');
    const [service] = saved.services;
    const edited = await save('coord', {
      planId: saved.planId,
      services: [{ ...haircut({ people: 2 }), serviceId: service.serviceId }, haircut({ category: '探访慰问' })],
    });
    expect(edited.services[0].serviceId).toBe(service.serviceId);
    expect(edited.services[0].people).toBe(2);
    const carer = await w.register('carer', { specialties: ['理发'], availability: [{ weekday: 2, slot: 'morning' }] });
    const offered = await ok<{ assignments: Assignment[] }>(
      w.cloud,
      'needs',
      'assign',
      { planId: saved.planId, serviceId: service.serviceId, volunteerIds: [carer.volunteerId] },
      'coord',
    );
    await ok(w.cloud, 'needs', 'respond', { assignmentId: offered.assignments[0].assignmentId, accept: true }, 'carer');
    const error = await fails(
      w.cloud,
      'needs',
      'savePlan',
      request({ planId: saved.planId, services: [haircut({ category: '探访慰问' })] }),
      'coord',
    );
    expect(error.code).toBe('FAILED_PRECONDITION');
    expect(error.message).toMatch(/义剪.*已有义工接受/);
    const plan = await ok<Plan>(w.cloud, 'needs', 'plan', { planId: saved.planId }, 'carer');
    expect(plan.services.map((s) => [s.serviceId, s.acceptedCount])).toEqual([
      [service.serviceId, 1],
      [edited.services[1].serviceId, 0],
    ]);
  });

  it('marks the survey it answers as converted', async () => {
    await w.insert('surveys', [
      {
        _id: 's1',
        town: '石岐区',
        community: '悦来社区',
        status: 'submitted',
        surveyorId: 'x',
        members: [],
        needs: [],
      },
    ]);
    const saved = await save('coord', { surveyId: 's1' });
    const [survey] = await w.docs<{ status: string; planId: string }>('surveys', { _id: 's1' });
    expect(survey).toEqual(expect.objectContaining({ status: 'converted', planId: saved.planId }));
  });
});

describe('needs.plans, reviewPlan and addNote', () => {
  it('lists the town for its coordinator and the brigade for its leader, due reviews apart', async () => {
    const due = await save('coord', { reviewAt: NOW + DAY });
    const town = await ok<Page<Plan>>(w.cloud, 'needs', 'plans', { town: '石岐区' }, 'coord');
    expect(town.items.length).toBeGreaterThan(1);
    expect(town.items[0].planId).toBe(due.planId);
    const mine = await ok<Page<Plan>>(w.cloud, 'needs', 'plans', { brigadeId: w.brigade.brigadeId }, 'leader');
    expect(mine.items.every((p) => p.brigadeId === w.brigade.brigadeId)).toBe(true);
    expect((await fails(w.cloud, 'needs', 'plans', { town: '石岐区' }, 'east')).code).toBe('PERMISSION_DENIED');
    await w.advance(2 * DAY);
    const overdue = await ok<Page<Plan>>(w.cloud, 'needs', 'plans', { dueForReview: true }, 'coord');
    expect(overdue.items.map((p) => p.planId)).toEqual([due.planId]);
  });

  it('keeps visit notes by managers and accepted carers, newest first; others are refused', async () => {
    const saved = await save('coord');
    await ok<VisitNote>(
      w.cloud,
      'needs',
      'addNote',
      { planId: saved.planId, text: '首次探访，阿婆精神不错' },
      'leader',
    );
    await ok(w.cloud, 'needs', 'addNote', { planId: saved.planId, text: '理发完成' }, 'coord');
    const error = await fails(w.cloud, 'needs', 'addNote', { planId: saved.planId, text: '路过' }, 'plain');
    expect(error.code).toBe('PERMISSION_DENIED');
    const empty = await fails(w.cloud, 'needs', 'addNote', { planId: saved.planId, text: ' ' }, 'coord');
    expect(empty.code).toBe('INVALID_ARGUMENT');
    const plan = await ok<Plan>(w.cloud, 'needs', 'plan', { planId: saved.planId }, 'coord');
    expect(plan.notes?.map((n) => [n.text, n.author])).toEqual([
      ['理发完成', '苏社工'],
      ['首次探访，阿婆精神不错', '周队长'],
    ]);
    expect((await call(w.cloud, 'needs', 'plan', { planId: saved.planId }, 'plain')).body).toEqual(
      expect.objectContaining({ ok: false, code: 'PERMISSION_DENIED' }),
    );
  });

  it('closes a plan: services end, open offers end, accepted carers are told', async () => {
    const saved = await save('coord', { services: [haircut({ people: 2 })] });
    const serviceId = saved.services[0].serviceId;
    const a = await w.register('closing-a', { availability: [{ weekday: 2, slot: 'morning' }] });
    const b = await w.register('closing-b', { availability: [{ weekday: 2, slot: 'morning' }] });
    const offered = await ok<{ assignments: Assignment[] }>(
      w.cloud,
      'needs',
      'assign',
      { planId: saved.planId, serviceId, volunteerIds: [a.volunteerId, b.volunteerId] },
      'coord',
    );
    await ok(
      w.cloud,
      'needs',
      'respond',
      { assignmentId: offered.assignments[0].assignmentId, accept: true },
      'closing-a',
    );
    const reviewed = await ok<{ status: string }>(
      w.cloud,
      'needs',
      'reviewPlan',
      { planId: saved.planId, note: '阿婆搬去与女儿同住', close: true },
      'leader',
    );
    expect(reviewed.status).toBe('closed');
    const plan = await ok<Plan & { assignments: Assignment[] }>(
      w.cloud,
      'needs',
      'plan',
      { planId: saved.planId },
      'coord',
    );
    expect(plan.services.map((s) => s.status)).toEqual(['ended']);
    expect(plan.assignments.map((x) => x.status).sort()).toEqual(['ended', 'ended']);
    expect(plan.notes?.[0].text).toBe('结案：阿婆搬去与女儿同住');
    const notices = await w.docs<{ kind: string; subject: string }>('outbox', { kind: 'ended' });
    expect(notices.map((n) => n.subject)).toEqual([`assignment:${offered.assignments[0].assignmentId}`]);
    const again = await fails(w.cloud, 'needs', 'reviewPlan', { planId: saved.planId, note: '再评估' }, 'coord');
    expect(again.code).toBe('FAILED_PRECONDITION');
  });

  it('moves the review date forward and refuses one in the past', async () => {
    const saved = await save('coord');
    const next = NOW + 200 * DAY;
    const reviewed = await ok(
      w.cloud,
      'needs',
      'reviewPlan',
      { planId: saved.planId, note: '进展良好', nextReviewAt: next },
      'coord',
    );
    expect(reviewed).toEqual({ status: 'open', reviewAt: next });
    const error = await fails(
      w.cloud,
      'needs',
      'reviewPlan',
      { planId: saved.planId, note: 'x', nextReviewAt: NOW },
      'coord',
    );
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect((await fails(w.cloud, 'needs', 'reviewPlan', { planId: saved.planId, note: 'x' }, 'stranger')).code).toBe(
      'PERMISSION_DENIED',
    );
  });
});
