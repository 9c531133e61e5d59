/**
 * Data access for the `accounts` collection: one time-bank account per volunteer and one issuing account per
 * brigade, with balances cached from the ledger. Changed only inside the transaction that posts the entries;
 * created lazily (add, never `set` over an existing account).
 */
import { _, db, first, rows } from '../cloud';
import type { AccountChange } from '../rules/ledger';
import { collectionIn, type Transaction } from '../transaction';

export { brigadeAccountId, REDEMPTION_ACCOUNT, SPENT_ACCOUNT, volunteerAccountId } from '../rules/ledger';

export interface AccountDoc {
  _id: string;
  /** `bank`: the bank's own accounts (`bank:redemption` holds redeemed minutes, `bank:spent` the delivered ones). */
  kind: 'volunteer' | 'brigade' | 'bank';
  ownerId: string;
  /** Sum of the account's ledger entries. */
  balance: number;
  /** Volunteer accounts: service credits net of adjustments, minutes donated and received. */
  earned?: number;
  donated?: number;
  received?: number;
  createdAt: number;
}

export type AccountDelta = AccountChange;

const accounts = () => db.collection('accounts');
const inTx = (tx: Transaction) => collectionIn<AccountDoc>(tx, 'accounts');

export function findById(accountId: string): Promise<AccountDoc | undefined> {
  return first<AccountDoc>(accounts().where({ _id: accountId }));
}

export function byIds(ids: string[]): Promise<AccountDoc[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return rows<AccountDoc>(
    accounts()
      .where({ _id: _.in(ids) })
      .limit(ids.length),
  );
}

export function getInTransaction(tx: Transaction, accountId: string): Promise<AccountDoc | undefined> {
  return inTx(tx).get(accountId);
}

function blank(accountId: string, now: number): AccountDoc {
  const [kind, ...rest] = accountId.split(':');
  const base = { _id: accountId, ownerId: rest.join(':'), balance: 0, createdAt: now };
  if (kind === 'brigade' || kind === 'bank') return { ...base, kind };
  return { ...base, kind: 'volunteer', earned: 0, donated: 0, received: 0 };
}

/**
 * Applies a delta inside the caller's transaction: `_.inc` on an existing account, an add of a new one otherwise
 * (`exists` is what the caller read; if someone created it meanwhile the add conflicts and the transaction reruns).
 */
export async function applyInTransaction(
  tx: Transaction,
  accountId: string,
  exists: boolean,
  delta: AccountDelta,
  now: number,
): Promise<void> {
  const changes = Object.entries(delta).filter(([, v]) => v !== undefined && v !== 0) as [keyof AccountDelta, number][];
  if (exists) {
    if (changes.length === 0) return;
    await inTx(tx).update(accountId, Object.fromEntries(changes.map(([k, v]) => [k, _.inc(v)])));
    return;
  }
  const doc = blank(accountId, now);
  for (const [k, v] of changes) doc[k] = (doc[k] ?? 0) + v;
  await inTx(tx).add(doc);
}
