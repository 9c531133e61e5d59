/**
 * Data access for the `assignments` collection: a volunteer on a plan service (结对), `_id` =
 * `<planId>:<serviceId>:<volunteerId>`, so one per pair whatever the concurrency. Status moves only by
 * conditional updates (or inside a transaction), so two answers or two timer runs never both win.
 */
import { _, db, first, isDuplicateKey, rows } from '../cloud';
import { collectionIn, type Transaction } from '../transaction';
import type { Assignment, AssignmentStatus } from '../../typings/needs';
import type { Town } from '../../typings/data';

export interface AssignmentDoc extends Omit<Assignment, 'assignmentId'> {
  _id: string;
  recipientId: string;
  town: Town;
  /** Visits served under this pair (continuity). */
  visits?: number;
  reason?: string;
  updatedAt: number;
}

/** Holding these, a volunteer counts towards a service or a load. */
export const ACTIVE: AssignmentStatus[] = ['offered', 'accepted'];

const assignments = () => db.collection('assignments');
const inTx = (tx: Transaction) => collectionIn<AssignmentDoc>(tx, 'assignments');
type Updated = { stats: { updated: number } };

export const assignmentId = (planId: string, serviceId: string, volunteerId: string) =>
  `${planId}:${serviceId}:${volunteerId}`;

export const toAssignment = (doc: AssignmentDoc): Assignment => ({
  assignmentId: doc._id,
  planId: doc.planId,
  serviceId: doc.serviceId,
  volunteerId: doc.volunteerId,
  name: doc.name,
  cardNo: doc.cardNo,
  ...(doc.groupId ? { groupId: doc.groupId } : {}),
  status: doc.status,
  offeredAt: doc.offeredAt,
  ...(doc.expiresAt !== undefined ? { expiresAt: doc.expiresAt } : {}),
  ...(doc.respondedAt !== undefined ? { respondedAt: doc.respondedAt } : {}),
});

export function findById(id: string): Promise<AssignmentDoc | undefined> {
  return rows<AssignmentDoc>(assignments().where({ _id: id }).limit(1)).then((r) => r[0]);
}

/** Everyone on one service (bounded: a handful of carers and offers). */
export function ofService(planId: string, serviceId: string): Promise<AssignmentDoc[]> {
  return rows<AssignmentDoc>(assignments().where({ planId, serviceId }).limit(200));
}

/** Everyone on a plan's services. */
export function ofPlan(planId: string): Promise<AssignmentDoc[]> {
  return rows<AssignmentDoc>(assignments().where({ planId }).limit(200));
}

/**
 * In one request: every pair of this recipient (continuity, and who is already on the service) and the active
 * pairs of the candidates (their load).
 */
export function forMatch(recipientId: string, volunteerIds: string[], limit: number): Promise<AssignmentDoc[]> {
  const load = { volunteerId: _.in(volunteerIds), status: _.in(ACTIVE) };
  const where = volunteerIds.length ? _.or([{ recipientId }, load]) : { recipientId };
  return rows<AssignmentDoc>(assignments().where(where).limit(limit));
}

/** Adds a pair; false when the pair already exists. */
export async function insert(doc: AssignmentDoc): Promise<boolean> {
  try {
    await assignments().add({ data: doc });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** Moves a pair from one of `from` to a new state; false when it was not in one of them (someone else won). */
export async function transition(
  id: string,
  from: AssignmentStatus[],
  patch: Partial<AssignmentDoc>,
): Promise<boolean> {
  const res = (await assignments()
    .where({ _id: id, status: _.in(from) })
    .update({ data: patch })) as Updated;
  return res.stats.updated === 1;
}

/** Offers past their expiry, oldest first. */
export function expiredOffers(now: number, limit: number): Promise<AssignmentDoc[]> {
  return rows<AssignmentDoc>(
    assignments()
      .where({ status: 'offered', expiresAt: _.lte(now) })
      .orderBy('expiresAt', 'asc')
      .limit(limit),
  );
}

/** Ends every pair of a plan still in one of `from`. */
export async function endOfPlan(planId: string, from: AssignmentStatus[], now: number): Promise<void> {
  await assignments()
    .where({ planId, status: _.in(from) })
    .update({ data: { status: 'ended', updatedAt: now } });
}

export function getInTransaction(tx: Transaction, id: string): Promise<AssignmentDoc | undefined> {
  return inTx(tx).get(id);
}

export async function updateInTransaction(tx: Transaction, id: string, patch: Partial<AssignmentDoc>): Promise<void> {
  await inTx(tx).update(id, patch);
}

/** Ends the unaccepted pairs of services taken out of a plan. */
export async function endOfServices(planId: string, serviceIds: string[], now: number): Promise<void> {
  await assignments()
    .where({ planId, serviceId: _.in(serviceIds), status: _.in(['offered', 'volunteered']) })
    .update({ data: { status: 'ended', updatedAt: now } });
}

/** An offer past its expiry becomes `expired`; false when it was answered or expired by someone else first. */
export async function expire(id: string, now: number): Promise<boolean> {
  const res = (await assignments()
    .where({ _id: id, status: 'offered', expiresAt: _.lte(now) })
    .update({ data: { status: 'expired', updatedAt: now } })) as Updated;
  return res.stats.updated === 1;
}

/** Whether the volunteer accepted a service for this recipient (and so may read what a visit needs). */
export async function isAcceptedCarer(recipientId: string, volunteerId: string): Promise<boolean> {
  const hit = await first<{ _id: string }>(assignments().where({ recipientId, status: 'accepted', volunteerId }));
  return !!hit;
}

/** What 我的结对 lists: a volunteer's pairs except declined and expired, most recently changed first. */
export const MINE: AssignmentStatus[] = ['offered', 'volunteered', 'accepted', 'ended'];

/** A volunteer's pairs in `MINE`, bounded. */
export function ofVolunteer(volunteerId: string, limit: number): Promise<AssignmentDoc[]> {
  return rows<AssignmentDoc>(
    assignments()
      .where({ volunteerId, status: _.in(MINE) })
      .orderBy('updatedAt', 'desc')
      .limit(limit),
  );
}

/** In one request: the volunteer's pairs on these plans (any status) and their active pairs anywhere (load). */
export function forVolunteer(volunteerId: string, planIds: string[], limit: number): Promise<AssignmentDoc[]> {
  const load = { volunteerId, status: _.in(ACTIVE) };
  const where = planIds.length ? _.or([{ volunteerId, planId: _.in(planIds) }, load]) : load;
  return rows<AssignmentDoc>(assignments().where(where).limit(limit));
}
