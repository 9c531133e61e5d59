/**
 * A training record's side of the volunteer, inside the transaction that records or adjusts it: training minutes and
 * attended trainings move with `_.inc`; stars, earned minutes and the balance are never touched.
 */
import { _ } from '../cloud';
import { precondition } from '../errors';
import { getInTransaction, updateInTransaction } from '../repos/volunteers';
import type { TrainingDelta } from '../rules/training';
import type { Transaction } from '../transaction';

/** Applies the delta; answers with the volunteer's town when this made them trained (their first training). */
export async function applyTrainingInTransaction(
  tx: Transaction,
  volunteerId: string,
  delta: TrainingDelta,
  who = '该义工',
): Promise<{ trainedTown?: string }> {
  const volunteer = await getInTransaction(tx, volunteerId);
  if (!volunteer) throw precondition(`${who}已注销，不能录入培训时长`);
  const data: Record<string, unknown> = {};
  if (delta.minutes) data.trainingMinutes = _.inc(delta.minutes);
  if (delta.attended) data.trainingsAttended = _.inc(delta.attended);
  if (Object.keys(data).length > 0) await updateInTransaction(tx, volunteerId, data);
  const before = volunteer.trainingsAttended ?? 0;
  return before === 0 && before + delta.attended > 0 ? { trainedTown: volunteer.town } : {};
}
