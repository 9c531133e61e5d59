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
  // Served now: what the statistics' active-volunteer count reads.
  if (cause === 'record' && delta.minutes > 0) data.lastServedAt = now;
  if (level !== (volunteer.stars ?? 0)) data.stars = level;
  if (Object.keys(data).length === 0) return level;
  await updateInTransaction(tx, volunteerId, data);
  if (level !== (volunteer.stars ?? 0)) {
    await starChanges.insertInTransaction(tx, { volunteerId, from: volunteer.stars ?? 0, to: level, cause, at: now });
  }
  return level;
}
