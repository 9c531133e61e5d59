/**
 * The rule for every action of `needs` and for brigades.setCoordinator / coordinators: the outcome for each of the
 * nine roles (SPEC "Roles", "Recipients", "Matching" and the code's checks), what each reply may show of the
 * recipient, one bad input per action with nothing written, and no personal data in plain text at rest.
 */
import type { BrigadesApi } from '../../typings/api/brigades';
import type { NeedsApi } from '../../typings/api/needs';
import type { ErrorCode } from '../../typings/errors';
import type { Brigade } from '../../typings/entities';
import { HQ, call, ok } from './helpers';
import { NEEDS_COLLECTIONS, ROLES, SERVICES, matrixWorld, type MatrixWorld, type Role } from './needs-matrix-world';
import { ADDRESS, GUARDIAN_PHONE, PHONE, recipientRequest, surveyRequest } from './needs-world';

type Outcome = 'ok' | ErrorCode;
/** What of the recipient a reply shows: all of it, what a visit needs (no notes), or the surveyed household. */
type Sight = 'full' | 'visit' | 'household';
type Api = NeedsApi & Pick<BrigadesApi, 'setCoordinator' | 'coordinators'>;

interface Spec<A extends keyof Api> {
  fn: 'needs' | 'brigades';
  params: (w: MatrixWorld, role: Role) => Api[A]['req'] | Promise<Api[A]['req']>;
  /** Roles that call as a fresh actor (their call changes them), with the params for that actor. */
  fresh?: Partial<Record<Role, (w: MatrixWorld) => Promise<{ openid: string; params: Api[A]['req'] }>>>;
  expect: Record<Role, Outcome>;
  /** Roles whose ok reply shows the recipient; every other ok reply shows none of it. */
  sees?: Partial<Record<Role, Sight>>;
  check?: (data: Api[A]['res'], w: MatrixWorld, role: Role) => void;
  /** A wrong type or a missing field, called by a role that may call the action. */
  bad: { as: Role; params: (w: MatrixWorld) => object };
}

const OK = 'ok';
const UNAUTH = 'UNAUTHENTICATED';
const DENIED = 'PERMISSION_DENIED';
const CHINESE = /[\u4e00-\u9fff]/;

const NAME = recipientRequest().name;
const NOTES = recipientRequest().notes ?? '';
const GUARDIAN = recipientRequest().guardian?.name ?? '';
/** What nobody outside the recipient's circle may read, nor any document hold in plain text. */
const SECRETS = [NAME, ADDRESS, '悦来南路', PHONE, GUARDIAN_PHONE, GUARDIAN, NOTES];

/** Unregistered callers first, then each registered role. */
const outcomes = (registered: Outcome, own: Partial<Record<Role, Outcome>>): Record<Role, Outcome> => {
  const base = (role: Role): Outcome => (role === 'visitor' || role === 'hq' ? UNAUTH : registered);
  return Object.fromEntries(ROLES.map((role) => [role, own[role] ?? base(role)])) as Record<Role, Outcome>;
};
/** The coordinator of the town and the leader of the brigade concerned; other registered roles refused. */
const MANAGERS = outcomes(DENIED, { leader: OK, coordinator: OK });
const MANAGERS_AND_CARER = outcomes(DENIED, { leader: OK, coordinator: OK, carer: OK });
const COORDINATOR = outcomes(DENIED, { coordinator: OK });
const REGISTERED = outcomes(OK, {});
const MANAGERS_SEE: Partial<Record<Role, Sight>> = { leader: 'full', coordinator: 'full' };

const plan = (w: MatrixWorld) => ({ planId: w.planId });
const visitService = (w: MatrixWorld) => ({ planId: w.planId, serviceId: w.visitServiceId });
const openService = (w: MatrixWorld) => ({ planId: w.planId, serviceId: w.openServiceId });

const MATRIX: { [A in keyof Api]: Spec<A> } = {
  saveRecipient: {
    fn: 'needs',
    params: (w) => recipientRequest({ brigadeId: w.brigade.brigadeId }),
    expect: MANAGERS,
    check: (data) => expect(data.displayName).toBe('陈婆'),
    bad: { as: 'coordinator', params: () => ({ ...recipientRequest(), address: 42 }) },
  },
  recipients: {
    fn: 'needs',
    params: (w) => ({ brigadeId: w.brigade.brigadeId }),
    expect: MANAGERS,
    sees: MANAGERS_SEE,
    check: (data, w) => expect(data.items.map((r) => r.recipientId)).toContain(w.recipientId),
    bad: { as: 'coordinator', params: (w) => ({ brigadeId: w.brigade.brigadeId, pageSize: 'ten' }) },
  },
  recipient: {
    fn: 'needs',
    params: (w) => ({ recipientId: w.recipientId }),
    // An offered volunteer has not accepted: nothing yet.
    expect: MANAGERS_AND_CARER,
    sees: { ...MANAGERS_SEE, carer: 'visit' },
    check: (data, w) => expect(data.plans.map((p) => p.planId)).toContain(w.planId),
    bad: { as: 'coordinator', params: () => ({}) },
  },
  closeRecipient: {
    fn: 'needs',
    params: async (w) => ({ recipientId: await w.fresh.recipient(), reason: '迁居外地' }),
    expect: MANAGERS,
    check: (data) => expect(data).toEqual({ status: 'closed' }),
    bad: { as: 'coordinator', params: (w) => ({ recipientId: w.recipientId }) },
  },
  saveSurvey: {
    fn: 'needs',
    params: (w) => surveyRequest(w.fresh.requestId()),
    // Any registered volunteer surveys at the door.
    expect: REGISTERED,
    check: (data) => expect(data.status).toBe('submitted'),
    bad: { as: 'volunteer', params: (w) => ({ ...surveyRequest(w.fresh.requestId()), household: undefined }) },
  },
  surveys: {
    fn: 'needs',
    params: () => ({ town: '石岐区' }),
    // Surveys belong to no brigade yet: only the town's coordinator reviews them.
    expect: COORDINATOR,
    sees: { coordinator: 'household' },
    check: (data, w) => expect(data.items.map((s) => s.surveyId)).toContain(w.surveyId),
    bad: { as: 'coordinator', params: () => ({ town: '石岐区', mine: 'yes' }) },
  },
  survey: {
    fn: 'needs',
    params: (w) => ({ surveyId: w.surveyId }),
    expect: COORDINATOR,
    sees: { coordinator: 'household' },
    check: (data, w) => expect(data.surveyId).toBe(w.surveyId),
    bad: { as: 'coordinator', params: () => ({ surveyId: 7 }) },
  },
  dismissSurvey: {
    fn: 'needs',
    params: async (w) => ({ surveyId: await w.fresh.survey(), reason: '重复登记' }),
    expect: COORDINATOR,
    check: (data) => expect(data).toEqual({ status: 'dismissed' }),
    bad: { as: 'coordinator', params: (w) => ({ surveyId: w.surveyId }) },
  },
  savePlan: {
    fn: 'needs',
    params: async (w) => ({
      recipientId: await w.fresh.recipient(),
      brigadeId: w.brigade.brigadeId,
      goals: '每月上门义剪',
      services: [SERVICES[0]],
    }),
    expect: MANAGERS,
    check: (data) => expect(data.services).toHaveLength(1),
    bad: {
      as: 'coordinator',
      params: (w) => ({
        recipientId: w.recipientId,
        brigadeId: w.brigade.brigadeId,
        goals: '人数写成了文字',
        services: [{ ...SERVICES[0], people: '两人' }],
      }),
    },
  },
  plans: {
    fn: 'needs',
    params: (w) => ({ brigadeId: w.brigade.brigadeId }),
    expect: MANAGERS,
    check: (data, w) => expect(data.items.map((p) => p.planId)).toContain(w.planId),
    bad: { as: 'leader', params: (w) => ({ brigadeId: w.brigade.brigadeId, dueForReview: 'yes' }) },
  },
  plan: {
    fn: 'needs',
    params: plan,
    expect: MANAGERS_AND_CARER,
    check: (data, w) => expect(data.assignments.map((a) => a.volunteerId)).toContain(w.people.carer.volunteerId),
    bad: { as: 'coordinator', params: () => ({}) },
  },
  reviewPlan: {
    fn: 'needs',
    params: (w) => ({ planId: w.planId, note: '状况稳定，继续探访' }),
    expect: MANAGERS,
    check: (data) => expect(data.status).toBe('open'),
    bad: { as: 'coordinator', params: plan },
  },
  addNote: {
    fn: 'needs',
    params: (w) => ({ planId: w.planId, text: '陪同散步半小时' }),
    expect: MANAGERS_AND_CARER,
    check: (data) => expect(data.text).toBe('陪同散步半小时'),
    bad: { as: 'carer', params: (w) => ({ planId: w.planId, text: 123 }) },
  },
  match: {
    fn: 'needs',
    params: visitService,
    expect: MANAGERS,
    check: (data) => expect(Array.isArray(data.excluded)).toBe(true),
    bad: { as: 'coordinator', params: plan },
  },
  assign: {
    fn: 'needs',
    params: async (w) => ({ ...openService(w), volunteerIds: [(await w.fresh.volunteer()).volunteerId] }),
    expect: MANAGERS,
    check: (data) => expect(data.assignments.map((a) => a.status)).toEqual(['offered']),
    bad: { as: 'coordinator', params: (w) => ({ ...openService(w), volunteerIds: 'everyone' }) },
  },
  respond: {
    fn: 'needs',
    params: (w) => ({ assignmentId: w.offeredPairId, accept: true }),
    fresh: {
      offered: async (w) => {
        const { openid, assignmentId } = await w.fresh.offer();
        return { openid, params: { assignmentId, accept: true } };
      },
    },
    // Only the volunteer offered answers; managers do not answer for them.
    expect: outcomes(DENIED, { offered: OK }),
    check: (data) => expect(data).toEqual({ status: 'accepted' }),
    bad: { as: 'offered', params: (w) => ({ assignmentId: w.offeredPairId }) },
  },
  mine: {
    fn: 'needs',
    params: () => ({}),
    expect: REGISTERED,
    sees: { carer: 'visit' },
    check: (data, w, role) => {
      const statuses = data.items.filter((i) => i.planId === w.planId).map((i) => i.status);
      if (role === 'carer') expect(statuses).toContain('accepted');
      if (role === 'offered') expect(statuses).toContain('offered');
    },
    bad: { as: 'carer', params: () => ({ pageSize: 'x' }) },
  },
  nearby: {
    fn: 'needs',
    params: () => ({}),
    expect: REGISTERED,
    // The open service fits every default profile: each sees it, masked.
    check: (data, w) => expect(data.items.map((i) => i.serviceId)).toContain(w.openServiceId),
    bad: { as: 'volunteer', params: () => ({ lat: 'north', lng: 113.38 }) },
  },
  offerHelp: {
    fn: 'needs',
    params: openService,
    expect: REGISTERED,
    check: (data) => expect(data.status).toBe('volunteered'),
    bad: { as: 'volunteer', params: plan },
  },
  setCoordinator: {
    fn: 'brigades',
    params: async (w) => ({ town: '西区', cardNo: (await w.fresh.volunteer()).cardNo }),
    // hq work needs no registration: everyone else is refused as the wrong role.
    expect: { ...outcomes(DENIED, {}), visitor: DENIED, hq: OK },
    check: (data) => expect(data.town).toBe('西区'),
    bad: { as: 'hq', params: () => ({ town: '西区' }) },
  },
  coordinators: {
    fn: 'brigades',
    params: () => ({}),
    expect: { ...outcomes(DENIED, { coordinator: OK, otherCoordinator: OK }), visitor: DENIED, hq: OK },
    check: (data, _w, role) => {
      const towns = data.items.map((t) => t.town);
      if (role === 'coordinator') expect(towns).toEqual(['石岐区']);
      if (role === 'otherCoordinator') expect(towns).toEqual(['东区']);
      if (role === 'hq') expect(towns).toEqual(expect.arrayContaining(['石岐区', '东区']));
    },
    bad: { as: 'hq', params: () => ({ town: 5 }) },
  },
};

/** What a reply may show of the recipient. */
function expectSight(data: unknown, sight: Sight | undefined): void {
  const json = JSON.stringify(data);
  if (sight === undefined) {
    for (const secret of SECRETS) expect(json).not.toContain(secret);
    return;
  }
  expect(json).toContain(ADDRESS);
  if (sight === 'full') expect(json).toContain(NOTES);
  if (sight === 'visit') expect(json).not.toContain(NOTES);
}

let w: MatrixWorld;

beforeAll(async () => {
  w = await matrixWorld();
});
afterAll(() => w.cloud.stop());

async function counts(): Promise<number[]> {
  return Promise.all(NEEDS_COLLECTIONS.map(async (c) => (await w.docs(c)).length));
}

const ACTIONS = Object.keys(MATRIX) as (keyof Api)[];

describe.each(ACTIONS)('%s: the role matrix', (action) => {
  const spec = MATRIX[action] as unknown as Spec<'nearby'>;
  it.each(ROLES.map((role) => [role, spec.expect[role]] as const))('%s → %s', async (role, outcome) => {
    const fresh = await spec.fresh?.[role]?.(w);
    const params = fresh?.params ?? (await spec.params(w, role));
    const reply = await call<unknown>(w.cloud, spec.fn, action, params, fresh?.openid ?? w.as[role]);
    const { body } = reply;
    if (outcome === OK) {
      expect(body).toMatchObject({ ok: true });
      if (!body.ok) return;
      spec.check?.(body.data as Api['nearby']['res'], w, role);
      expectSight(body.data, spec.sees?.[role]);
      return;
    }
    expect(body).toMatchObject({ ok: false, code: outcome });
    if (!body.ok) expect(body.message).toMatch(CHINESE);
    expect(reply.metrics.docsWritten).toBe(0);
  });

  it('refuses a bad input with a Chinese message and writes nothing', async () => {
    const before = await counts();
    const reply = await call<unknown>(w.cloud, spec.fn, action, spec.bad.params(w), w.as[spec.bad.as]);
    expect(reply.body).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    if (!reply.body.ok) {
      expect(reply.body.message).toMatch(CHINESE);
      for (const message of Object.values(reply.body.fields ?? {})) expect(message).toMatch(CHINESE);
    }
    expect(reply.metrics.docsWritten).toBe(0);
    expect(await counts()).toEqual(before);
  });
});

it('shows a carer nothing of the recipient once the plan is closed', async () => {
  const needs = <T>(action: keyof NeedsApi, params: object, openid = w.as.coordinator) =>
    ok<T>(w.cloud, 'needs', action, params, openid);
  const reply = async (action: keyof NeedsApi, params: object, openid: string) =>
    (await call<unknown>(w.cloud, 'needs', action, params, openid)).body;
  const recipientId = await w.fresh.recipient();
  const { planId, services } = await needs<NeedsApi['savePlan']['res']>('savePlan', {
    recipientId,
    brigadeId: w.brigade.brigadeId,
    goals: '短期陪护',
    services: [SERVICES[0]],
  });
  const carer = await w.fresh.volunteer();
  const offer = { planId, serviceId: services[0].serviceId, volunteerIds: [carer.volunteerId] };
  const [{ assignmentId }] = (await needs<NeedsApi['assign']['res']>('assign', offer)).assignments;
  await needs('respond', { assignmentId, accept: true }, carer.openid);
  // While the pair holds, the carer reads what a visit needs.
  expectSight(await reply('recipient', { recipientId }, carer.openid), 'visit');
  await needs('reviewPlan', { planId, note: '服务目标已达成', close: true });
  expect(await reply('recipient', { recipientId }, carer.openid)).toMatchObject({ code: DENIED });
  expect(await reply('plan', { planId }, carer.openid)).toMatchObject({ code: DENIED });
  const mine = await reply('mine', {}, carer.openid);
  expect(mine).toMatchObject({ ok: true });
  expectSight(mine, undefined);
});

describe('a leader planning for a recipient not theirs', () => {
  const leaderOf = async (town: string) => {
    const name = `${town}矩阵大队${(await w.docs('brigades')).length}`;
    const brigade = await ok<Brigade>(w.cloud, 'brigades', 'create', { name, town, joinMode: 'open' }, HQ);
    const person = await w.fresh.volunteer();
    await ok(w.cloud, 'brigades', 'setLeader', { brigadeId: brigade.brigadeId, cardNo: person.cardNo }, HQ);
    return { brigadeId: brigade.brigadeId, openid: person.openid };
  };
  const tryPlan = async (recipientId: string, leader: { brigadeId: string; openid: string }) => {
    const request = { recipientId, brigadeId: leader.brigadeId, goals: '接手服务', services: [SERVICES[0]] };
    const before = await counts();
    const planned = await call<unknown>(w.cloud, 'needs', 'savePlan', request, leader.openid);
    expect(planned.body).toMatchObject({ ok: false, code: DENIED });
    expect(await counts()).toEqual(before);
    const read = await call<unknown>(w.cloud, 'needs', 'recipient', { recipientId }, leader.openid);
    expect(read.body).toMatchObject({ ok: false, code: DENIED });
  };

  it("cannot take another brigade's recipient of the town and so read it", async () => {
    await tryPlan(w.recipientId, await leaderOf('石岐区'));
  });

  it('cannot plan with a brigade of another town for a recipient of no brigade', async () => {
    const recipientId = (
      await ok<{ recipientId: string }>(w.cloud, 'needs', 'saveRecipient', recipientRequest(), w.as.coordinator)
    ).recipientId;
    await tryPlan(recipientId, await leaderOf('东区'));
  });
});

it('stores no name, address, phone or notes of a recipient in plain text', async () => {
  const raw = await Promise.all(NEEDS_COLLECTIONS.map(async (c) => [c, JSON.stringify(await w.docs(c))] as const));
  for (const [, text] of raw) for (const secret of SECRETS) expect(text).not.toContain(secret);
  const held = Object.fromEntries(raw);
  // The scan reads real data: the recipient under its display name, its plan, the carer's visits.
  expect(held.recipients).toContain('陈婆');
  expect(held.plans).toContain(w.planId);
  expect(held.posts).toContain(`"planId":"${w.planId}"`);
  expect(held.visit_notes).toContain('首次探访');
});
