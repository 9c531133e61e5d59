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
  /**
   * The part of a correction the volunteer no longer holds (donated meanwhile), written off against the brigade:
   * it moves the balance only, never the earned minutes. Not stored: its entries look like any adjustment.
   */
  writeOff?: boolean;
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

export const volunteerAccountId = (volunteerId: string) => `volunteer:${volunteerId}`;
export const brigadeAccountId = (brigadeId: string) => `brigade:${brigadeId}`;
/** The bank's own accounts: minutes held for open redemptions, and minutes spent on delivered ones. */
export const REDEMPTION_ACCOUNT = 'bank:redemption';
export const SPENT_ACCOUNT = 'bank:spent';
/** Movements of a redemption move the balance only: never what was earned, donated or received. */
const REDEMPTION_KINDS: readonly LedgerKind[] = ['redemption', 'redemption-return', 'redemption-spent'];
const isVolunteerAccount = (accountId: string) => accountId.startsWith('volunteer:');

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

/** The figures cached on an account: the balance, and on a volunteer's account what was earned, donated, received. */
export type AccountFigure = 'balance' | 'earned' | 'donated' | 'received';
export type AccountChange = Partial<Record<AccountFigure, number>>;

/**
 * How movements change each account's cached figures, accounts with no change left out. The balance moves by the
 * minutes; on a volunteer's account a credit or correction also moves what was earned (a write-off does not), a
 * transfer what was donated and received, and a redemption (or its return) nothing else.
 */
export function accountChanges(movements: Movement[]): Map<string, AccountChange> {
  const changes = new Map<string, AccountChange>();
  const add = (accountId: string, figure: AccountFigure, minutes: number) => {
    if (figure !== 'balance' && !isVolunteerAccount(accountId)) return;
    const change = changes.get(accountId) ?? {};
    change[figure] = (change[figure] ?? 0) + minutes;
    changes.set(accountId, change);
  };
  for (const m of movements) {
    add(m.from.accountId, 'balance', -m.minutes);
    add(m.to.accountId, 'balance', m.minutes);
    if (m.kind === 'transfer') {
      add(m.from.accountId, 'donated', m.minutes);
      add(m.to.accountId, 'received', m.minutes);
    } else if (!m.writeOff && !REDEMPTION_KINDS.includes(m.kind)) {
      add(m.from.accountId, 'earned', -m.minutes);
      add(m.to.accountId, 'earned', m.minutes);
    }
  }
  for (const [accountId, change] of changes) {
    if (Object.values(change).every((n) => n === 0)) changes.delete(accountId);
  }
  return changes;
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
  redeem: (volunteerId: string, requestId: string) => `redeem:${volunteerId}:${requestId}`,
  settle: (redemptionId: string, outcome: 'return' | 'spent') => `redeem-${outcome}:${redemptionId}`,
};
