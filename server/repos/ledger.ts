/** Data access for the `ledger` collection: append-only entries (never updated or deleted). */
import { db, first, rows } from '../cloud';
import { after, where } from '../paging';
import type { EntryDoc } from '../rules/ledger';
import { collectionIn, type Transaction } from '../transaction';

export type { EntryDoc } from '../rules/ledger';

const ledger = () => db.collection('ledger');

export async function insertInTransaction(tx: Transaction, entry: EntryDoc): Promise<void> {
  await collectionIn<EntryDoc>(tx, 'ledger').add(entry);
}

export function findById(entryId: string): Promise<EntryDoc | undefined> {
  return first<EntryDoc>(ledger().where({ _id: entryId }));
}

/** One page of an account's entries, newest first (pageSize + 1 read). */
export function pageOfAccount(accountId: string, pageSize: number, cursor?: string): Promise<EntryDoc[]> {
  return rows<EntryDoc>(
    ledger()
      .where(where({ accountId }, after('at', 'desc', cursor)))
      .orderBy('at', 'desc')
      .orderBy('_id', 'desc')
      .limit(pageSize + 1),
  );
}

/** Every entry of an account (bounded; for the export). */
export function allOfAccount(accountId: string, limit: number): Promise<EntryDoc[]> {
  return rows<EntryDoc>(ledger().where({ accountId }).limit(limit));
}
