/**
 * The time bank's double-entry rules, pure: every movement is a pair of entries that sums to zero, each entry
 * identified by its movement's idempotency key and side, so the same call repeated can never post twice.
 */
import type { LedgerKind } from '../../typings/entities';

export type Side = 'from' | 'to';

export interface Party {
  accountId: string;
  /**
   * How this party appears to the other side, stored only for brigades (a brigade name is not personal data);
   * a volunteer is shown by name and card number looked up when read, so nothing personal stays in the ledger.
   */
  label?: string;
}

export interface Movement {
  idempotencyKey: string;
  kind: LedgerKind;
  from: Party;
  to: Party;
  /** Positive whole minutes moved from `from` to `to`. */
  minutes: number;
  at: number;
  postId?: string;
  recordId?: string;
  note?: string;
}

export interface EntryDoc {
  _id: string;
  movementId: string;
  idempotencyKey: string;
  side: Side;
  accountId: string;
  kind: LedgerKind;
  /** Signed: positive into `accountId`, negative out of it. */
  minutes: number;
  /** The other side's account. */
  counterpartyAccountId: string;
  /** The other side's label when it is a brigade. */
  counterparty?: string;
  at: number;
  postId?: string;
  recordId?: string;
  note?: string;
}

export const entryId = (idempotencyKey: string, side: Side) => `${idempotencyKey}:${side}`;

/** The two entries of a movement: `from` loses the minutes, `to` gains them. */
export function entriesOf(m: Movement): [EntryDoc, EntryDoc] {
  if (!Number.isInteger(m.minutes) || m.minutes <= 0) throw new RangeError(`minutes must be a positive integer`);
  if (m.from.accountId === m.to.accountId) throw new RangeError('a movement needs two different accounts');
  const common = {
    movementId: m.idempotencyKey,
    idempotencyKey: m.idempotencyKey,
    kind: m.kind,
    at: m.at,
    ...(m.postId ? { postId: m.postId } : {}),
    ...(m.recordId ? { recordId: m.recordId } : {}),
    ...(m.note ? { note: m.note } : {}),
  };
  return [
    {
      _id: entryId(m.idempotencyKey, 'from'),
      side: 'from',
      accountId: m.from.accountId,
      minutes: -m.minutes,
      counterpartyAccountId: m.to.accountId,
      ...(m.to.label ? { counterparty: m.to.label } : {}),
      ...common,
    },
    {
      _id: entryId(m.idempotencyKey, 'to'),
      side: 'to',
      accountId: m.to.accountId,
      minutes: m.minutes,
      counterpartyAccountId: m.from.accountId,
      ...(m.from.label ? { counterparty: m.from.label } : {}),
      ...common,
    },
  ];
}

/** Sum of entries' minutes (zero for any complete set of movements). */
export const sumOf = (entries: Pick<EntryDoc, 'minutes'>[]) => entries.reduce((s, e) => s + e.minutes, 0);

/** A volunteer's balance never goes below zero. */
export const canDebit = (balance: number, minutes: number) => balance - minutes >= 0;

/**
 * A correction that takes back `-delta` minutes from a balance of `balance`: the part the volunteer no longer holds
 * (donated meanwhile), which is written off against the issuing brigade so the balance stops at zero.
 */
export const writeOffOf = (balance: number, delta: number) => Math.max(0, -delta - Math.max(0, balance));

export const idempotency = {
  credit: (recordId: string) => `credit:${recordId}`,
  adjust: (recordId: string, requestId: string, part: 'reverse' | 'new' | 'writeoff') =>
    `adjust:${recordId}:${requestId}:${part}`,
  transfer: (volunteerId: string, requestId: string) => `transfer:${volunteerId}:${requestId}`,
};
