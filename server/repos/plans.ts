/**
 * Data access for the `plans` collection: service plans (服务计划) with their services inside. A service's
 * counts change inside a transaction (accepting, editing), so `acceptedCount` never passes `people`.
 */
import { _, db, first, rows } from '../cloud';
import { collectionIn, type Transaction } from '../transaction';
import type { Plan, PlanStatus } from '../../typings/needs';

export interface PlanDoc extends Omit<Plan, 'planId' | 'notes'> {
  _id: string;
  recipientId: string;
  /** The recipient's position when the plan was saved, encrypted ("lat,lng"), for matching. */
  positionEnc?: string;
  community: string;
}

const plans = () => db.collection('plans');
const inTx = (tx: Transaction) => collectionIn<PlanDoc>(tx, 'plans');

export const toPlan = (doc: PlanDoc): Plan => ({
  planId: doc._id,
  recipient: doc.recipient,
  brigadeId: doc.brigadeId,
  brigadeName: doc.brigadeName,
  town: doc.town,
  goals: doc.goals,
  services: doc.services,
  status: doc.status,
  ...(doc.reviewAt !== undefined ? { reviewAt: doc.reviewAt } : {}),
  ...(doc.closedAt !== undefined ? { closedAt: doc.closedAt } : {}),
  ...(doc.closeNote ? { closeNote: doc.closeNote } : {}),
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

export function findById(planId: string): Promise<PlanDoc | undefined> {
  return first<PlanDoc>(plans().where({ _id: planId }));
}

export async function insert(doc: PlanDoc): Promise<void> {
  await plans().add({ data: doc });
}

export function getInTransaction(tx: Transaction, planId: string): Promise<PlanDoc | undefined> {
  return inTx(tx).get(planId);
}

export async function updateInTransaction(tx: Transaction, planId: string, patch: Partial<PlanDoc>): Promise<void> {
  await inTx(tx).update(planId, patch);
}

export interface PlanFilter {
  town?: string;
  brigadeId?: string;
  recipientId?: string;
  status?: PlanStatus;
}

/** A page of plans, newest change first (keyset on updatedAt). */
export function page(filter: PlanFilter, cursorCondition: object | undefined, limit: number): Promise<PlanDoc[]> {
  const where = cursorCondition ? _.and([filter, cursorCondition]) : filter;
  return rows<PlanDoc>(plans().where(where).orderBy('updatedAt', 'desc').orderBy('_id', 'desc').limit(limit));
}

/** Open plans whose review date has passed, most overdue first. */
export function dueForReview(
  filter: PlanFilter,
  now: number,
  cursorCondition: object | undefined,
  limit: number,
): Promise<PlanDoc[]> {
  const due = { ...filter, status: 'open', reviewAt: _.lte(now) };
  const where = cursorCondition ? _.and([due, cursorCondition]) : due;
  return rows<PlanDoc>(plans().where(where).orderBy('reviewAt', 'asc').orderBy('_id', 'asc').limit(limit));
}

/** What every plan document holds at least: whose it is, which brigade serves it, its state. */
export type PlanHead = Pick<PlanDoc, '_id' | 'recipientId' | 'brigadeId' | 'brigadeName' | 'status'>;

/** A recipient's plans (a handful over the years). */
export function ofRecipient(recipientId: string): Promise<PlanHead[]> {
  return rows<PlanHead>(plans().where({ recipientId }).limit(50));
}

/** Every plan's counted fields, in batches by `_id` (the statistics' recount). */
export function countedAfter(afterId: string | undefined, size: number) {
  return rows<Pick<PlanDoc, '_id' | 'town' | 'status' | 'services'>>(
    plans()
      .where(afterId ? { _id: _.gt(afterId) } : {})
      .orderBy('_id', 'asc')
      .field({ _id: true, town: true, status: true, 'services.status': true })
      .limit(size),
  );
}

export function byIds(planIds: string[]): Promise<PlanDoc[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return rows<PlanDoc>(
    plans()
      .where({ _id: _.in(planIds) })
      .limit(planIds.length),
  );
}

/** Open plans of these towns, most recently changed first (bounded: 附近需求 reads one batch). */
export function openIn(towns: string[], limit: number): Promise<PlanDoc[]> {
  return rows<PlanDoc>(
    plans()
      .where({ town: _.in(towns), status: 'open' })
      .orderBy('updatedAt', 'desc')
      .limit(limit),
  );
}
