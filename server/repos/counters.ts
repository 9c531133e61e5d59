/** Data access for the `counters` collection: sequences incremented inside a transaction, so they never skip. */
import { _ } from '../cloud';
import { collectionIn, type Transaction } from '../transaction';

interface CounterDoc {
  _id: string;
  seq?: number;
}

/** Takes the next number of a sequence (1, 2, 3 …) inside the caller's transaction. */
export async function nextInTransaction(tx: Transaction, counterId: string): Promise<number> {
  const counters = collectionIn<CounterDoc>(tx, 'counters');
  const current = await counters.get(counterId);
  if (!current) {
    await counters.set({ _id: counterId, seq: 1 });
    return 1;
  }
  await counters.update(counterId, { seq: _.inc(1) });
  return (current.seq ?? 0) + 1;
}
