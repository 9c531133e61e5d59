/**
 * The nightly recount of the training document (培训与资格): every volunteer who trained or holds qualifications
 * (read in batches) is counted for their town and the brigades they are active members of now — so joining or leaving
 * a brigade and qualifications that expired are caught up here — and each drifted counter is set to its recount.
 */
import type { Logger } from '../log';
import * as memberships from '../repos/memberships';
import * as repo from '../repos/stats';
import { trainingFactsAfter, type TrainingFactsRow } from '../repos/volunteers';
import { driftOf, flattenCounters } from '../rules/stats';
import { isQualified, personCounts, type CountedPerson } from '../rules/training';

const BATCH = 1000;
/** Volunteers whose memberships are read in one request (a volunteer belongs to a handful of brigades at most). */
const MEMBERSHIP_BATCH = 200;

async function all(): Promise<TrainingFactsRow[]> {
  const out: TrainingFactsRow[] = [];
  for (;;) {
    const page = await trainingFactsAfter(out[out.length - 1]?._id, BATCH);
    out.push(...page);
    if (page.length < BATCH) return out;
  }
}

/** Recounts and repairs; true when anything had drifted. */
export async function reconcileTraining(ctx: { log: Logger }, now: number): Promise<boolean> {
  const [people, doc] = await Promise.all([all(), repo.trainingDoc()]);
  const brigadesOf = new Map<string, string[]>();
  for (let i = 0; i < people.length; i += MEMBERSHIP_BATCH) {
    const ids = people.slice(i, i + MEMBERSHIP_BATCH).map((p) => p._id);
    for (const m of await memberships.activeOfVolunteers(ids)) {
      brigadesOf.set(m.volunteerId, [...(brigadesOf.get(m.volunteerId) ?? []), m.brigadeId]);
    }
  }
  const counted = (rows: TrainingFactsRow[]): CountedPerson[] =>
    rows.map((p) => ({ town: p.town, brigadeIds: brigadesOf.get(p._id) ?? [] }));
  // The two figures never share a path, so their counts merge.
  const recounted = {
    ...personCounts('trained', counted(people.filter((p) => (p.trainingsAttended ?? 0) > 0))),
    ...personCounts('qualified', counted(people.filter((p) => isQualified(p.qualifications, now)))),
  };
  const kept = flattenCounters({ total: doc?.total ?? {}, byTown: doc?.byTown ?? {}, byBrigade: doc?.byBrigade ?? {} });
  const drift = driftOf(kept, recounted);
  for (const d of drift) ctx.log.info('stats-training-drift', d);
  if (drift.length > 0) await repo.repairTraining(Object.fromEntries(drift.map((d) => [d.path, d.recounted])));
  return drift.length > 0;
}
