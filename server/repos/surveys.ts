/**
 * Data access for the `surveys` collection. The household's contact data is kept encrypted (`sealed`); the
 * `_id` derives from the surveyor and the draft's requestId, so a resent draft finds the first survey.
 */
import { createHash } from 'node:crypto';
import type { Town } from '../../typings/data';
import type {
  RecipientConsent,
  SurveyHousehold,
  SurveyMember,
  SurveyNeed,
  SurveyRedemption,
  SurveyStatus,
} from '../../typings/needs';
import { _, db, first, rows } from '../cloud';
import { after, where } from '../paging';
import { decrypt, encrypt, type KeyInput } from '../rules/pii';
import { collectionIn, type Transaction } from '../transaction';

export interface SurveyDoc {
  _id: string;
  requestId: string;
  town: Town;
  community: string;
  status: SurveyStatus;
  /** SurveyHousehold as encrypted JSON; erased when the recipient made from it leaves the programme. */
  sealed?: string;
  members: SurveyMember[];
  needs: SurveyNeed[];
  consent: RecipientConsent;
  surveyorId: string;
  surveyorName: string;
  surveyedAt: number;
  recipientId?: string;
  planId?: string;
  dismissReason?: string;
  dismissedAt?: number;
  /** A need opened by a time-bank redemption (the surveyor is the redeeming volunteer). */
  redemption?: SurveyRedemption;
}

const surveys = () => db.collection('surveys');
const inTx = (tx: Transaction) => collectionIn<SurveyDoc>(tx, 'surveys');

export const surveyIdOf = (surveyorId: string, requestId: string) =>
  `sv_${createHash('sha256').update(`${surveyorId}:${requestId}`).digest('hex').slice(0, 24)}`;

export const seal = (household: SurveyHousehold, key: KeyInput) => encrypt(JSON.stringify(household), key);

export const householdOf = (doc: SurveyDoc, key: KeyInput): SurveyHousehold | undefined =>
  doc.sealed ? (JSON.parse(decrypt(doc.sealed, key)) as SurveyHousehold) : undefined;

export function findById(surveyId: string): Promise<SurveyDoc | undefined> {
  return first<SurveyDoc>(surveys().where({ _id: surveyId }));
}

/** Inserts; the same surveyor and requestId again throws the database's duplicate-key error. */
export async function insert(doc: SurveyDoc): Promise<void> {
  await surveys().add({ data: doc });
}

/** Inserts inside the caller's transaction (a redemption's survey, with the redemption itself). */
export async function insertInTransaction(tx: Transaction, doc: SurveyDoc): Promise<void> {
  await inTx(tx).add(doc);
}

export function getInTransaction(tx: Transaction, surveyId: string): Promise<SurveyDoc | undefined> {
  return inTx(tx).get(surveyId);
}

/**
 * Keeps the redemption's status on its survey, in the transaction that settles it; a cancelled redemption whose
 * survey still waits is dismissed with it (`dismissed`), so the coordinator's list drops it.
 */
export async function settleRedemptionInTransaction(
  tx: Transaction,
  surveyId: string,
  status: SurveyRedemption['status'],
  dismissed?: { reason: string; at: number },
): Promise<void> {
  await inTx(tx).update(surveyId, {
    'redemption.status': status,
    ...(dismissed ? { status: 'dismissed', dismissReason: dismissed.reason, dismissedAt: dismissed.at } : {}),
  });
}

/** Marks a survey turned into a recipient and/or a plan. */
export async function markConverted(surveyId: string, by: { recipientId?: string; planId?: string }): Promise<void> {
  await surveys()
    .doc(surveyId)
    .update({ data: { status: 'converted', ...by } });
}

/** Dismisses a survey still waiting; false when it was no longer `submitted`. */
export async function dismiss(surveyId: string, reason: string, at: number): Promise<boolean> {
  const res = (await surveys()
    .where({ _id: surveyId, status: 'submitted' })
    .update({ data: { status: 'dismissed', dismissReason: reason, dismissedAt: at } })) as {
    stats: { updated: number };
  };
  return res.stats.updated === 1;
}

export async function eraseHousehold(surveyId: string): Promise<void> {
  await surveys()
    .doc(surveyId)
    .update({ data: { sealed: _.remove() } });
}

/** A town's surveys in one status, newest first. */
export function ofTown(town: Town, status: SurveyStatus, pageSize: number, cursor?: string): Promise<SurveyDoc[]> {
  return pageWhere({ town, status }, pageSize, cursor);
}

/** A surveyor's own surveys, newest first, optionally in one status. */
export function bySurveyor(surveyorId: string, status: SurveyStatus | undefined, pageSize: number, cursor?: string) {
  return pageWhere({ surveyorId, ...(status ? { status } : {}) }, pageSize, cursor);
}

function pageWhere(base: Record<string, unknown>, pageSize: number, cursor?: string): Promise<SurveyDoc[]> {
  return rows<SurveyDoc>(
    surveys()
      .where(where(base, after('surveyedAt', 'desc', cursor)))
      .orderBy('surveyedAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(pageSize + 1),
  );
}

/** Every survey's counted fields, in batches by `_id` (the statistics' recount). */
export function countedAfter(afterId: string | undefined, size: number) {
  return rows<Pick<SurveyDoc, '_id' | 'town' | 'surveyedAt'>>(
    surveys()
      .where(afterId ? { _id: _.gt(afterId) } : {})
      .orderBy('_id', 'asc')
      .field({ _id: true, town: true, surveyedAt: true })
      .limit(size),
  );
}
