/**
 * The nightly recount of the needs counters (供需配对): every recipient, survey and plan (read in batches) gives
 * its counter paths; each fact's kept snapshot is set right where it drifted, first visits and visit notes (counted
 * once, kept as their snapshot) are summed as they are, and each drifted counter of the `needs` document is set to its recount.
 */
import type { Logger } from '../log';
import * as plans from '../repos/plans';
import * as recipients from '../repos/recipients';
import * as repo from '../repos/stats';
import * as surveys from '../repos/surveys';
import { planCounts, recipientCounts, sumCounts, surveyCounts, type Counts } from '../rules/needs-stats';
import { driftOf, flattenCounters } from '../rules/stats';

const BATCH = 1000;

async function all<T extends { _id: string }>(read: (afterId: string | undefined, n: number) => Promise<T[]>) {
  const out: T[] = [];
  for (;;) {
    const page = await read(out[out.length - 1]?._id, BATCH);
    out.push(...page);
    if (page.length < BATCH) return out;
  }
}

/** Recounts and repairs; true when anything had drifted. */
export async function reconcileNeeds(ctx: { log: Logger }): Promise<boolean> {
  const [rs, ss, ps, snaps, doc] = await Promise.all([
    all(recipients.countedAfter),
    all(surveys.countedAfter),
    all(plans.countedAfter),
    all(repo.snapshots),
    repo.needsDoc(),
  ]);
  const facts: [string, Counts][] = [
    ...rs.map((r): [string, Counts] => [repo.snapshotId('recipient', r._id), recipientCounts(r)]),
    ...ss.map((s): [string, Counts] => [repo.snapshotId('survey', s._id), surveyCounts(s)]),
    ...ps.map((p): [string, Counts] => [repo.snapshotId('plan', p._id), planCounts(p)]),
  ];
  const held = new Map(snaps.map((s) => [s._id, s.counts]));
  let drifted = false;
  for (const [id, counts] of facts) {
    if (driftOf(held.get(id) ?? {}, counts).length === 0) continue;
    drifted = true;
    await repo.resetSnapshot(id, counts);
  }
  const once = [repo.snapshotId('visit', ''), repo.snapshotId('note', '')];
  const visits = snaps.filter((s) => once.some((p) => s._id.startsWith(p))).map((s) => s.counts);
  const recounted = sumCounts([...facts.map(([, counts]) => counts), ...visits]);
  const kept = flattenCounters({ byTown: doc?.byTown ?? {} });
  const drift = driftOf(kept, recounted);
  for (const d of drift) ctx.log.info('stats-needs-drift', d);
  if (drift.length > 0) await repo.repairNeeds(Object.fromEntries(drift.map((d) => [d.path, d.recounted])));
  return drifted || drift.length > 0;
}
