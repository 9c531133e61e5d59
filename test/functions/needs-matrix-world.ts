/**
 * The world of the needs role matrix: one recipient of 石岐区 kept by the coordinator for the leader's brigade, a
 * plan with a weekly visit (one carer accepted, one volunteer offered) and an open service for the assign and
 * offerHelp rows, a household survey by a surveyor outside the roles; plus fresh recipients, surveys and offers for
 * the rows that change state, so no row depends on another.
 */
import type { PlanServiceInput } from '../../typings/api/needs';
import { HQ, ok } from './helpers';
import { DAY, NOW, needsWorld, type NeedsWorld } from './match-world';
import { recipientRequest, surveyRequest } from './needs-world';

/** The nine roles of the needs matrix. */
export const ROLES = [
  'visitor',
  'volunteer',
  'carer',
  'offered',
  'leader',
  'otherLeader',
  'coordinator',
  'otherCoordinator',
  'hq',
] as const;
export type Role = (typeof ROLES)[number];

/** Every collection a needs action writes to. */
export const NEEDS_COLLECTIONS = [
  'recipients',
  'surveys',
  'plans',
  'assignments',
  'visit_notes',
  'posts',
  'signups',
  'outbox',
  'coordinators',
  'stats',
] as const;

const service = (over: Partial<PlanServiceInput>): PlanServiceInput => ({
  category: '探访慰问',
  specialties: [],
  frequency: 'weekly',
  weekday: 2,
  slot: 'morning',
  durationMinutes: 60,
  people: 2,
  startDate: NOW + DAY,
  ...over,
});

/** The plan's services: the visit (carer and offered on it), and an open one fitting any default volunteer. */
export const SERVICES = [service({}), service({ weekday: 6, people: 5 })];

export interface MatrixWorld extends NeedsWorld {
  as: Record<Role, string>;
  recipientId: string;
  planId: string;
  visitServiceId: string;
  openServiceId: string;
  surveyId: string;
  /** The offered volunteer's pair on the visit service. */
  offeredPairId: string;
  fresh: {
    recipient(): Promise<string>;
    survey(): Promise<string>;
    requestId(): string;
    volunteer(): Promise<{ openid: string; volunteerId: string; cardNo: string }>;
    /** A new volunteer offered the open service: their openid and pair. */
    offer(): Promise<{ openid: string; assignmentId: string }>;
  };
}

let seq = 0;

export async function matrixWorld(): Promise<MatrixWorld> {
  const w = await needsWorld();
  for (const openid of ['vol', 'carer', 'offered', 'surveyor']) await w.register(openid);
  const as: Record<Role, string> = {
    visitor: 'visitor-unregistered',
    volunteer: 'vol',
    carer: 'carer',
    offered: 'offered',
    leader: 'leader',
    otherLeader: 'stranger',
    coordinator: 'coord',
    otherCoordinator: 'east',
    hq: HQ,
  };
  const needs = <T>(action: string, params: object, openid: string) => ok<T>(w.cloud, 'needs', action, params, openid);
  const brigadeId = w.brigade.brigadeId;
  const recipient = async () =>
    (await needs<{ recipientId: string }>('saveRecipient', recipientRequest({ brigadeId }), as.coordinator))
      .recipientId;
  const requestId = () => `matrix-${(seq += 1)}-draft`;
  const survey = async () =>
    (await needs<{ surveyId: string }>('saveSurvey', surveyRequest(requestId()), 'surveyor')).surveyId;
  const volunteer = async () => {
    const openid = `fresh-${(seq += 1)}`;
    const profile = await w.register(openid);
    return { openid, volunteerId: profile.volunteerId, cardNo: profile.cardNo };
  };

  const recipientId = await recipient();
  const plan = await needs<{ planId: string; services: { serviceId: string }[] }>(
    'savePlan',
    { recipientId, brigadeId, goals: '每周探访，陪同复诊', services: SERVICES },
    as.coordinator,
  );
  const [visitServiceId, openServiceId] = plan.services.map((s) => s.serviceId);
  const volunteerIds = [w.people.carer.volunteerId, w.people.offered.volunteerId];
  const offers = await needs<{ assignments: { assignmentId: string }[] }>(
    'assign',
    { planId: plan.planId, serviceId: visitServiceId, volunteerIds },
    as.coordinator,
  );
  const [carerPair, offeredPair] = offers.assignments.map((a) => a.assignmentId);
  await needs('respond', { assignmentId: carerPair, accept: true }, as.carer);
  await needs('addNote', { planId: plan.planId, text: '首次探访，精神不错' }, as.carer);
  const offer = async () => {
    const person = await volunteer();
    const made = await needs<{ assignments: { assignmentId: string }[] }>(
      'assign',
      { planId: plan.planId, serviceId: openServiceId, volunteerIds: [person.volunteerId] },
      as.coordinator,
    );
    return { openid: person.openid, assignmentId: made.assignments[0].assignmentId };
  };
  return {
    ...w,
    as,
    recipientId,
    planId: plan.planId,
    visitServiceId,
    openServiceId,
    surveyId: await survey(),
    offeredPairId: offeredPair,
    fresh: { recipient, survey, requestId, volunteer, offer },
  };
}
