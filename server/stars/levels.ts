/**
 * Keeps a volunteer's service counters and star level in step, inside the transaction that records or adjusts
 * the service: the counters move with `_.inc`, the level is recomputed from them, and a change is kept with its date.
 */
import { _ } from '../cloud';
import { precondition } from '../errors';
import * as starChanges from '../repos/star-changes';
import { getInTransaction, updateInTransaction, type VolunteerDoc } from '../repos/volunteers';
import { starLevel, type StarFacts } from '../rules/stars';
import type { Transaction } from '../transaction';

export interface ServiceDelta {
  minutes: number;
  ratingSum: number;
  ratingCount: number;
}

/**
 * When the volunteer last served (what the statistics' active-volunteer count reads): the latest service date among
 * their attended records with minutes — the same value a recount of the records gives.
 */
export interface ServedChange {
  /** The record's service date (the post's start). */
  serviceDate: number;
  /** Whether the record holds minutes after this write. */
  served: boolean;
  /** The latest service date among the volunteer's other records with minutes (needed when `served` is false). */
  otherLatest?: number;
}

/** The volunteer's `lastServedAt` after the change; `undefined` when they have served nowhere. */
export function lastServedAfter(current: number | undefined, change: ServedChange): number | undefined {
  if (change.served) return Math.max(current ?? 0, change.serviceDate);
  // Another record set a later date: it still stands. Otherwise fall back to the other records.
  if (current !== undefined && current > change.serviceDate) return current;
  return change.otherLatest;
}

export const factsOf = (v: Pick<VolunteerDoc, keyof StarFacts>): StarFacts => ({
  earnedMinutes: v.earnedMinutes ?? 0,
  ratingSum: v.ratingSum ?? 0,
  ratingCount: v.ratingCount ?? 0,
  registeredAt: v.registeredAt,
});

/** Applies the delta and the resulting level; returns the level held afterwards. */
export async function applyServiceInTransaction(
  tx: Transaction,
  volunteerId: string,
  delta: ServiceDelta,
  cause: 'record' | 'adjust',
  now: number,
  who = '该义工',
  servedChange?: ServedChange,
): Promise<number> {
  const volunteer = await getInTransaction(tx, volunteerId);
  if (!volunteer) throw precondition(`${who}已注销，不能录入服务时长`);
  const before = factsOf(volunteer);
  const after: StarFacts = {
    ...before,
    earnedMinutes: before.earnedMinutes + delta.minutes,
    ratingSum: before.ratingSum + delta.ratingSum,
    ratingCount: before.ratingCount + delta.ratingCount,
  };
  const level = starLevel(after, now);
  const data: Record<string, unknown> = {};
  if (delta.minutes) data.earnedMinutes = _.inc(delta.minutes);
  if (delta.ratingSum) data.ratingSum = _.inc(delta.ratingSum);
  if (delta.ratingCount) data.ratingCount = _.inc(delta.ratingCount);
  if (servedChange) {
    const last = lastServedAfter(volunteer.lastServedAt, servedChange);
    if (last !== volunteer.lastServedAt) data.lastServedAt = last === undefined ? _.remove() : last;
  }
  if (level !== (volunteer.stars ?? 0)) data.stars = level;
  if (Object.keys(data).length === 0) return level;
  await updateInTransaction(tx, volunteerId, data);
  if (level !== (volunteer.stars ?? 0)) {
    await starChanges.insertInTransaction(tx, { volunteerId, from: volunteer.stars ?? 0, to: level, cause, at: now });
  }
  return level;
}
