/**
 * Data access for the `redemptions` collection (兑换服务). The `_id` derives from the volunteer and the requestId,
 * so the same request repeated finds the first redemption; the family member's name is kept encrypted. Created and
 * settled only inside the transaction that posts the redemption's ledger movement.
 */
import type { RedemptionStatus } from '../../typings/api/timebank';
import type { ServiceCategory, Town } from '../../typings/data';
import { db, first, rows } from '../cloud';
import { after, where } from '../paging';
import { decrypt, encrypt, type KeyInput } from '../rules/pii';
import { collectionIn, type Transaction } from '../transaction';

export interface RedemptionDoc {
  _id: string;
  volunteerId: string;
  requestId: string;
  minutes: number;
  category: ServiceCategory;
  note: string;
  /** The family member's name, encrypted; absent when the help is for the volunteer. */
  forNameEnc?: string;
  status: RedemptionStatus;
  town: Town;
  /** The household survey that carries the need to the coordinator of the town. */
  surveyId: string;
  createdAt: number;
  deliveredAt?: number;
  cancelledAt?: number;
  cancelReason?: string;
  cancelledBy?: 'owner' | 'coordinator';
  /** Who settled it (the coordinator's volunteerId, or the owner's). */
  settledBy?: string;
}

/** How a settlement changes the document. */
export type Settlement = Pick<RedemptionDoc, 'status'> &
  Partial<Pick<RedemptionDoc, 'deliveredAt' | 'cancelledAt' | 'cancelReason' | 'cancelledBy' | 'settledBy'>>;

/** A volunteer holds few open redemptions; more than this many is not expected (the held sum reads this many). */
export const OPEN_READ_MAX = 200;

const redemptions = () => db.collection('redemptions');
const inTx = (tx: Transaction) => collectionIn<RedemptionDoc>(tx, 'redemptions');

export const sealName = (name: string, key: KeyInput) => encrypt(name, key);
export const nameOf = (doc: RedemptionDoc, key: KeyInput) =>
  doc.forNameEnc ? decrypt(doc.forNameEnc, key) : undefined;

export function findById(redemptionId: string): Promise<RedemptionDoc | undefined> {
  return first<RedemptionDoc>(redemptions().where({ _id: redemptionId }));
}

export function getInTransaction(tx: Transaction, redemptionId: string): Promise<RedemptionDoc | undefined> {
  return inTx(tx).get(redemptionId);
}

/** Inserts inside the caller's transaction; the same `_id` again fails the transaction with a duplicate key. */
export async function insertInTransaction(tx: Transaction, doc: RedemptionDoc): Promise<void> {
  await inTx(tx).add(doc);
}

export async function settleInTransaction(tx: Transaction, redemptionId: string, change: Settlement): Promise<void> {
  await inTx(tx).update(redemptionId, change);
}

/** A volunteer's open redemptions (their held minutes). */
export function openOf(volunteerId: string): Promise<Pick<RedemptionDoc, '_id' | 'minutes' | 'status'>[]> {
  return rows<Pick<RedemptionDoc, '_id' | 'minutes' | 'status'>>(
    redemptions()
      .where({ volunteerId, status: 'open' })
      .field({ _id: true, minutes: true, status: true })
      .limit(OPEN_READ_MAX),
  );
}

/** One page of a volunteer's redemptions, newest first (pageSize + 1 read). */
export function pageOfVolunteer(volunteerId: string, pageSize: number, cursor?: string): Promise<RedemptionDoc[]> {
  return rows<RedemptionDoc>(
    redemptions()
      .where(where({ volunteerId }, after('createdAt', 'desc', cursor)))
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(pageSize + 1),
  );
}
