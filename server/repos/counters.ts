/** Data access for the `counters` collection: sequences incremented inside a transaction, so they never skip. */
import { _ } from '../cloud';
import type { Transaction } from '../transaction';

/** Takes the next number of a sequence (1, 2, 3 …) inside the caller's transaction. */
export async function nextInTransaction(tx: Transaction, counterId: string): Promise<number> {
  const ref = tx.collection('counters').doc(counterId);
  const current = (await ref.get()) as { data: { seq?: number } | null };
  if (!current.data) {
    await ref.set({ data: { seq: 1 } });
    return 1;
  }
  await ref.update({ data: { seq: _.inc(1) } });
  return (current.data.seq ?? 0) + 1;
}
