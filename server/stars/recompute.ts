/**
 * stars.recompute (hq) and the daily timer: levels also change with time alone (tenure reached), so every
 * volunteer is checked in bounded batches by id, within a time budget below the function's timeout. A change is
 * written in a transaction that re-reads the volunteer, together with its dated star_changes entry.
 */
import type { RecomputeResponse } from '../../typings/api/stars';
import { _, db, rows } from '../cloud';
import type { RequestContext } from '../context';
import type { Action } from '../handler';
import * as starChanges from '../repos/star-changes';
import type { VolunteerDoc } from '../repos/volunteers';
import { starLevel } from '../rules/stars';
import { none } from '../schema';
import { inTransaction } from '../transaction';
import { factsOf } from './levels';

export const RECOMPUTE_BATCH = 100;
/** The function's timeout is 60 s (config.json); stop taking new batches well before. */
export const RECOMPUTE_BUDGET_MS = 40_000;

type Facts = Pick<VolunteerDoc, '_id' | 'stars' | 'earnedMinutes' | 'ratingSum' | 'ratingCount' | 'registeredAt'>;

// The volunteers collection's id-ordered scan lives here until server/repos/volunteers.ts offers it.
function batchAfter(lastId: string | undefined): Promise<Facts[]> {
  return rows<Facts>(
    db
      .collection('volunteers')
      .where(lastId ? { _id: _.gt(lastId) } : {})
      .orderBy('_id', 'asc')
      .field({ _id: true, stars: true, earnedMinutes: true, ratingSum: true, ratingCount: true, registeredAt: true })
      .limit(RECOMPUTE_BATCH),
  );
}

async function settle(volunteerId: string, now: number): Promise<boolean> {
  return inTransaction(async (tx) => {
    const ref = tx.collection('volunteers').doc(volunteerId);
    const { data } = (await ref.get()) as { data: VolunteerDoc | null };
    if (!data) return false;
    const level = starLevel(factsOf(data), now);
    if (level === (data.stars ?? 0)) return false;
    await ref.update({ data: { stars: level } });
    await starChanges.insertInTransaction(tx, {
      volunteerId,
      from: data.stars ?? 0,
      to: level,
      cause: 'recompute',
      at: now,
    });
    return true;
  });
}

export async function recomputeAll(ctx: RequestContext, budgetMs = RECOMPUTE_BUDGET_MS): Promise<RecomputeResponse> {
  const started = Date.now();
  let checked = 0;
  let changed = 0;
  let lastId: string | undefined;
  for (;;) {
    if (Date.now() - started > budgetMs) {
      ctx.log.info('stars-recompute-cut', { checked, changed });
      return { checked, changed, done: false };
    }
    const batch = await batchAfter(lastId);
    const now = Date.now();
    const stale = batch.filter((v) => starLevel(factsOf(v), now) !== (v.stars ?? 0));
    for (const v of stale) if (await settle(v._id, now)) changed += 1;
    checked += batch.length;
    if (batch.length < RECOMPUTE_BATCH) return { checked, changed, done: true };
    lastId = batch[batch.length - 1]._id;
  }
}

export const recompute: Action<Record<string, never>, RecomputeResponse> = {
  access: 'hq',
  input: none,
  run: (_input, ctx) => recomputeAll(ctx),
};
