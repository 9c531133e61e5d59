/**
 * stars.recompute (hq) and the daily timer: levels also change with time alone (tenure reached), so every
 * volunteer is checked in bounded batches by id, within a time budget below the function's timeout. A change is
 * written in a transaction that re-reads the volunteer, together with its dated star_changes entry.
 */
import type { RecomputeResponse } from '../../typings/api/stars';
import type { RequestContext } from '../context';
import type { Action } from '../handler';
import * as starChanges from '../repos/star-changes';
import { getInTransaction, starFactsAfter, updateInTransaction } from '../repos/volunteers';
import { starLevel } from '../rules/stars';
import { none } from '../schema';
import { inTransaction } from '../transaction';
import { factsOf } from './levels';

export const RECOMPUTE_BATCH = 100;
/** The function's timeout is 60 s (config.json); stop taking new batches well before. */
export const RECOMPUTE_BUDGET_MS = 40_000;

async function settle(volunteerId: string, now: number): Promise<boolean> {
  return inTransaction(async (tx) => {
    const data = await getInTransaction(tx, volunteerId);
    if (!data) return false;
    const level = starLevel(factsOf(data), now);
    if (level === (data.stars ?? 0)) return false;
    await updateInTransaction(tx, volunteerId, { stars: level });
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
    const batch = await starFactsAfter(lastId, RECOMPUTE_BATCH);
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
