/**
 * Matching (供需配对), pure: SPEC's hard filters, each counted when it excludes someone, then a score 0–1 from
 * distance (就近原则), specialty fit, availability, current load and continuity, with reasons a leader reads at a
 * glance. A candidate is counted by the first filter that excludes them, so the counts sum to those removed.
 */
import type { QualificationType, Slot, Specialty, Town } from '../../typings/data';
import { SLOT_LABELS, WEEKDAY_LABELS } from '../../typings/data';
import type { Availability } from '../../typings/entities';
import { centralAngle } from './geo';

/** Farther than this (both sides with coordinates) is excluded. */
export const DISTANCE_CAP_KM = 10;
/** Active assignments (accepted or offered) a volunteer may hold before they are not offered more. */
export const LOAD_CAP = 4;
export const ADULT_AGE = 18;
/** Weights of the score; they sum to 1. */
export const WEIGHTS = { distance: 0.35, specialty: 0.15, availability: 0.1, load: 0.15, continuity: 0.25 } as const;
/** Distance score without coordinates: the same community counts as nearest, elsewhere in the town as this. */
export const SAME_TOWN_SCORE = 0.4;
/** Continuity score of a member of a group that already serves this recipient. */
export const GROUP_SCORE = 0.6;
/** Visits served that earn a full continuity score for someone not currently serving. */
export const VISITS_FOR_FULL = 10;

export interface MatchPlace {
  town: Town;
  community?: string;
  lat?: number;
  lng?: number;
}

export interface MatchService {
  specialties: Specialty[];
  qualifications: QualificationType[];
  /** Absent: any weekday will do. */
  weekday?: number;
  slot: Slot;
  adultsOnly: boolean;
}

export interface MatchCandidateFacts {
  volunteerId: string;
  specialties: Specialty[];
  /** Verified, unexpired qualifications. */
  qualifications: QualificationType[];
  /** Verified ones that have expired (excluded, and reported as expired rather than missing). */
  expiredQualifications?: QualificationType[];
  availability: Availability[];
  town: Town;
  community?: string;
  /** Towns the volunteer also serves. */
  serviceAreas?: Town[];
  lat?: number;
  lng?: number;
  /** Active assignments elsewhere (accepted or offered). */
  load: number;
  adult: boolean;
  /** Visits already served to this recipient. */
  visits: number;
  /** Accepted carer of this recipient now. */
  serving: boolean;
  /** In a group one of whose members serves this recipient now. */
  groupServing: boolean;
}

export interface Ranked {
  volunteerId: string;
  score: number;
  distanceKm?: number;
  reasons: string[];
}

export interface MatchOutcome {
  ranked: Ranked[];
  excluded: { reason: string; count: number }[];
}

/** Great-circle distance in km (mean earth radius 6 371 km). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return 6371 * centralAngle(a.lat, a.lng, b.lat, b.lng);
}

const position = (p: { lat?: number; lng?: number }) =>
  p.lat === undefined || p.lng === undefined ? undefined : { lat: p.lat, lng: p.lng };

export const slotLabel = (weekday: number | undefined, slot: Slot) =>
  `${weekday === undefined ? '' : WEEKDAY_LABELS[weekday]}${SLOT_LABELS[slot]}`;

/** Weekdays on which the candidate is free in the service's slot (the service's weekday only, when it has one). */
function freeDays(service: MatchService, c: MatchCandidateFacts): number {
  return c.availability.filter(
    (a) => a.slot === service.slot && (service.weekday === undefined || a.weekday === service.weekday),
  ).length;
}

interface Place {
  km?: number;
  sameCommunity: boolean;
  inTown: boolean;
}

function placeOf(place: MatchPlace, c: MatchCandidateFacts): Place {
  const a = position(place);
  const b = position(c);
  const sameCommunity = !!place.community && c.town === place.town && c.community === place.community;
  const inTown = c.town === place.town || (c.serviceAreas ?? []).includes(place.town);
  return { km: a && b ? distanceKm(a, b) : undefined, sameCommunity, inTown };
}

/** The first hard filter that excludes the candidate, as its reason; undefined when all pass. */
export function exclusion(service: MatchService, place: MatchPlace, c: MatchCandidateFacts): string | undefined {
  if (service.adultsOnly && !c.adult) return '该服务仅限成年义工';
  const missing = service.specialties.find((s) => !c.specialties.includes(s));
  if (missing) return `缺少专长：${missing}`;
  const unqualified = service.qualifications.find((q) => !c.qualifications.includes(q));
  if (unqualified) {
    return c.expiredQualifications?.includes(unqualified) ? `资格已过期：${unqualified}` : `缺少资格：${unqualified}`;
  }
  if (freeDays(service, c) === 0) return `${slotLabel(service.weekday, service.slot)}没空`;
  const where = placeOf(place, c);
  if (where.km !== undefined ? where.km > DISTANCE_CAP_KM : !where.inTown) {
    return where.km !== undefined ? `距离超过 ${DISTANCE_CAP_KM} km` : '不在本镇区';
  }
  if (c.load >= LOAD_CAP) return `结对已满 ${LOAD_CAP} 项`;
  return undefined;
}

function continuity(c: MatchCandidateFacts): number {
  if (c.serving) return 1;
  const history = Math.min(1, c.visits / VISITS_FOR_FULL);
  return Math.max(history, c.groupServing ? GROUP_SCORE : 0);
}

/** Score 0–1 and reasons of a candidate who passed every filter. */
export function scoreOf(service: MatchService, place: MatchPlace, c: MatchCandidateFacts): Ranked {
  const where = placeOf(place, c);
  const reasons: string[] = [];
  let near: number;
  if (where.km !== undefined) {
    near = Math.max(0, 1 - where.km / DISTANCE_CAP_KM);
    reasons.push(`${where.km.toFixed(1)} km`);
  } else {
    near = where.sameCommunity ? 1 : SAME_TOWN_SCORE;
    reasons.push(where.sameCommunity ? '同社区' : '同镇区');
  }
  const held = c.specialties.filter((s) => service.specialties.includes(s));
  const fit = service.specialties.length === 0 ? 0.5 : 1;
  for (const s of held) reasons.push(`擅长${s}`);
  const days = freeDays(service, c);
  const free = service.weekday === undefined ? Math.min(1, days / 3) : 1;
  reasons.push(`${slotLabel(service.weekday, service.slot)}有空`);
  const light = 1 - c.load / LOAD_CAP;
  if (c.load === 0) reasons.push('目前没有结对');
  if (c.serving) reasons.push('正在服务该长者');
  if (c.visits > 0) reasons.push(`已服务该长者 ${c.visits} 次`);
  if (!c.serving && c.groupServing) reasons.push('同组组员正在服务');
  const score =
    WEIGHTS.distance * near +
    WEIGHTS.specialty * fit +
    WEIGHTS.availability * free +
    WEIGHTS.load * light +
    WEIGHTS.continuity * continuity(c);
  return {
    volunteerId: c.volunteerId,
    score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000,
    ...(where.km !== undefined ? { distanceKm: Math.round(where.km * 10) / 10 } : {}),
    reasons,
  };
}

/** Filters and ranks: best first (score, then nearer, then id), each excluding filter with its count. */
export function rank(service: MatchService, place: MatchPlace, candidates: MatchCandidateFacts[]): MatchOutcome {
  const counts = new Map<string, number>();
  const ranked: Ranked[] = [];
  for (const c of candidates) {
    const reason = exclusion(service, place, c);
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    else ranked.push(scoreOf(service, place, c));
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
      (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0),
  );
  const excluded = [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
  return { ranked, excluded };
}

/** Whether someone born in `birthYear` is an adult in `year`. */
export const isAdult = (birthYear: number, year: number) => year - birthYear >= ADULT_AGE;
