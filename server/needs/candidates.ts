/**
 * Reading and ranking a service's candidates within SPEC's budget: one request for the volunteers of the town
 * (or serving it, with the needed specialty), one for the recipient's pairs and the candidates' active pairs.
 */
import type { PlanService } from '../../typings/needs';
import type { RequestContext } from '../context';
import { piiKey } from '../pii';
import * as assignments from '../repos/assignments';
import type { PlanDoc } from '../repos/plans';
import { matchCandidates, type MatchRow } from '../repos/volunteers';
import { isAdult, rank, type MatchCandidateFacts, type MatchOutcome, type MatchPlace } from '../rules/matching';
import { decrypt } from '../rules/pii';
import { expiredTypes, heldTypes } from '../rules/qualifications';
import { shanghaiYear } from '../rules/time';

/** Volunteers read per match; with the pairs below, at most 1,000 documents whatever the city's size. */
export const CANDIDATE_LIMIT = 400;
export const PAIR_LIMIT = 550;

export interface Ranking {
  outcome: MatchOutcome;
  rows: Map<string, MatchRow>;
  /** This service's pairs by volunteer. */
  onService: Map<string, assignments.AssignmentDoc>;
}

/** Where the plan's recipient lives, as matching measures it (the position decrypted when there is one). */
export function placeOf(ctx: RequestContext, plan: PlanDoc): MatchPlace {
  const place: MatchPlace = { town: plan.town, community: plan.community };
  if (!plan.positionEnc) return place;
  const [lat, lng] = decrypt(plan.positionEnc, piiKey(ctx)).split(',').map(Number);
  return Number.isFinite(lat) && Number.isFinite(lng) ? { ...place, lat, lng } : place;
}

/** What matching knows of a person from their profile; load and history with the recipient are per service. */
export function profileFacts(person: Omit<MatchRow, 'name' | 'cardNo'>, year: number) {
  return {
    volunteerId: person._id,
    specialties: person.specialties ?? [],
    // Verified ones as the volunteer's copy keeps them, the expired apart (matching reports them), checked now.
    qualifications: heldTypes(person.qualifications, Date.now()),
    expiredQualifications: expiredTypes(person.qualifications, Date.now()),
    availability: person.availability ?? [],
    town: person.town,
    community: person.community,
    serviceAreas: person.serviceAreas,
    lat: person.lat,
    lng: person.lng,
    adult: isAdult(person.birthYear, year),
  };
}

function factsOf(
  row: MatchRow,
  pairs: assignments.AssignmentDoc[],
  plan: PlanDoc,
  service: PlanService,
  servingGroups: Set<string>,
  year: number,
): MatchCandidateFacts {
  const mine = pairs.filter((p) => p.volunteerId === row._id);
  const here = mine.filter((p) => p.recipientId === plan.recipientId);
  return {
    ...profileFacts(row, year),
    load: mine.filter((p) => assignments.ACTIVE.includes(p.status) && p.serviceId !== service.serviceId).length,
    visits: here.reduce((sum, p) => sum + (p.visits ?? 0), 0),
    serving: here.some((p) => p.status === 'accepted'),
    groupServing: mine.some((p) => !!p.groupId && servingGroups.has(p.groupId)),
  };
}

export async function rankService(ctx: RequestContext, plan: PlanDoc, service: PlanService): Promise<Ranking> {
  const found = await matchCandidates(plan.town, service.specialties[0], CANDIDATE_LIMIT);
  const pairs = await assignments.forMatch(
    plan.recipientId,
    found.map((r) => r._id),
    PAIR_LIMIT,
  );
  const servingGroups = new Set(
    pairs.filter((p) => p.recipientId === plan.recipientId && p.status === 'accepted' && p.groupId),
  );
  const groups = new Set([...servingGroups].map((p) => p.groupId as string));
  const year = shanghaiYear(Date.now());
  const facts = found.map((row) => factsOf(row, pairs, plan, service, groups, year));
  const onService = new Map(
    pairs
      .filter((p) => p.planId === plan._id && p.serviceId === service.serviceId)
      .map((p) => [p.volunteerId, p] as const),
  );
  return {
    outcome: rank(service, placeOf(ctx, plan), facts),
    rows: new Map(found.map((r) => [r._id, r])),
    onService,
  };
}
