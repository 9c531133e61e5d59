/**
 * The one way minutes move in the time bank (credits, transfers, corrections, write-offs): inside the caller's
 * transaction, both entries of every movement are inserted and each account's cached figures updated once, so the
 * books always balance and the cached balances always equal the entries.
 */
import * as accounts from '../repos/accounts';
import * as ledger from '../repos/ledger';
import { accountChanges, entriesOf, type EntryDoc, type Movement } from '../rules/ledger';
import type { Transaction } from '../transaction';

/**
 * Posts the movements and answers with their entries (`from`, `to` of each, in order). `read` holds the accounts as
 * the caller read them (missing ones are created; if someone created one meanwhile the transaction reruns).
 */
export async function post(
  tx: Transaction,
  movements: Movement[],
  read: readonly (accounts.AccountDoc | undefined)[],
): Promise<EntryDoc[]> {
  const entries = movements.flatMap(entriesOf);
  const exists = new Set(read.flatMap((a) => (a ? [a._id] : [])));
  const now = movements[0]?.at ?? 0;
  await Promise.all([
    ...entries.map((e) => ledger.insertInTransaction(tx, e)),
    ...[...accountChanges(movements)].map(([id, change]) =>
      accounts.applyInTransaction(tx, id, exists.has(id), change, now),
    ),
  ]);
  return entries;
}
