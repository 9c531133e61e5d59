/**
 * Pure: the training figures (培训与资格) hq, coordinators and leaders see. Trainings and training minutes are summed
 * over the period's month documents; trained and qualified volunteers are people now (the training document), as
 * is the denominator: the volunteers registered in the town now (every month's `volunteers`), or a brigade's active
 * members. Shares are 0–1, 0 when there is nobody to count.
 */
import type { TrainingFigures } from '../../typings/api/stats';
import type { CounterMap, MonthDoc, TrainingDoc } from '../repos/stats';
import { key } from '../rules/stats';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const share = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : 0);

export function trainingFigures(
  volunteers: number,
  people: CounterMap | undefined,
  held: { trainings: number; trainingMinutes: number },
): TrainingFigures {
  const trainedVolunteers = num(people?.trained);
  const qualifiedVolunteers = num(people?.qualified);
  return {
    volunteers,
    trainedVolunteers,
    qualifiedVolunteers,
    trainedShare: share(trainedVolunteers, volunteers),
    qualifiedShare: share(qualifiedVolunteers, volunteers),
    trainings: held.trainings,
    trainingMinutes: held.trainingMinutes,
  };
}

/** Trainings and training minutes of one slice of each month document, summed. */
function heldOf(docs: MonthDoc[], pick: (doc: MonthDoc) => CounterMap | undefined) {
  const out = { trainings: 0, trainingMinutes: 0 };
  for (const doc of docs) {
    const c = pick(doc);
    out.trainings += num(c?.trainings);
    out.trainingMinutes += num(c?.trainingMinutes);
  }
  return out;
}

/** Volunteers registered now, per town key: every month's `volunteers` summed (registrations less erasures). */
function volunteersByTown(allMonths: MonthDoc[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const doc of allMonths) {
    for (const [town, c] of Object.entries(doc.byTown ?? {})) out.set(town, (out.get(town) ?? 0) + num(c.volunteers));
  }
  return out;
}

/**
 * The city's (or one town's) training figures and each town's: `docs` are the period's month documents, `allMonths`
 * every month's (their `byTown`), `people` the training document.
 */
export function summarizeTraining(
  docs: MonthDoc[],
  allMonths: MonthDoc[],
  people: TrainingDoc | undefined,
  town?: string,
): TrainingFigures & { byTown: (TrainingFigures & { town: string })[] } {
  const registered = volunteersByTown(allMonths);
  const towns = new Set<string>(town ? [key(town)] : []);
  if (!town) {
    for (const t of registered.keys()) towns.add(t);
    for (const t of Object.keys(people?.byTown ?? {})) towns.add(t);
    for (const doc of docs) for (const [t, c] of Object.entries(doc.byTown ?? {})) if (num(c.trainings)) towns.add(t);
  }
  const byTown = [...towns]
    .map((t) => ({
      town: t,
      ...trainingFigures(
        registered.get(t) ?? 0,
        people?.byTown?.[t],
        heldOf(docs, (d) => d.byTown?.[t]),
      ),
    }))
    .filter((r) => r.volunteers + r.trainedVolunteers + r.qualifiedVolunteers + r.trainings > 0 || town)
    .sort(
      (a, b) =>
        b.trainings - a.trainings ||
        b.trainingMinutes - a.trainingMinutes ||
        b.trainedShare - a.trainedShare ||
        (a.town < b.town ? -1 : a.town > b.town ? 1 : 0),
    );
  if (town) return { ...byTown[0], byTown: byTown.map((r) => ({ ...r, town })) };
  const volunteers = [...registered.values()].reduce((s, n) => s + n, 0);
  return {
    ...trainingFigures(
      volunteers,
      people?.total,
      heldOf(docs, (d) => d.total),
    ),
    byTown,
  };
}

/** One brigade's training figures: its active members are the denominator. */
export function brigadeTraining(
  docs: MonthDoc[],
  people: TrainingDoc | undefined,
  brigadeId: string,
  members: number,
): TrainingFigures {
  const k = key(brigadeId);
  return trainingFigures(
    members,
    people?.byBrigade?.[k],
    heldOf(docs, (d) => d.byBrigade?.[k]),
  );
}
