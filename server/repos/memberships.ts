/** Data access for the `memberships` collection: one document per (brigade, volunteer), `_id` = `<brigadeId>:<volunteerId>`. */
import { _, db, first, rows } from '../cloud';
import type { MembershipStatus } from '../../typings/entities';

export interface MembershipDoc {
  _id: string;
  brigadeId: string;
  brigadeName: string;
  volunteerId: string;
  /** Denormalised for the members list (never contact data: that stays on the volunteer). */
  name: string;
  cardNo: string;
  status: MembershipStatus;
  joinedAt: number;
  reviewedAt?: number;
}

export const membershipId = (brigadeId: string, volunteerId: string) => `${brigadeId}:${volunteerId}`;

const memberships = () => db.collection('memberships');

export function find(brigadeId: string, volunteerId: string): Promise<MembershipDoc | undefined> {
  return first<MembershipDoc>(memberships().where({ _id: membershipId(brigadeId, volunteerId) }));
}

/** A volunteer's memberships (bounded: a person belongs to a handful of brigades). */
export function ofVolunteer(volunteerId: string, statuses: MembershipStatus[] = ['active', 'pending']) {
  return rows<MembershipDoc>(
    memberships()
      .where({ volunteerId, status: _.in(statuses) })
      .limit(100),
  );
}

/** One page of a brigade's members, newest first; the cursor is the last item's `joinedAt:_id`. */
export function page(brigadeId: string, status: MembershipStatus | undefined, pageSize: number, cursor?: string) {
  const where: Record<string, unknown> = { brigadeId, status: status ?? _.in(['active', 'pending']) };
  if (cursor) {
    const [joinedAt, id] = cursor.split('|');
    where.joinedAt = _.lte(Number(joinedAt));
    if (id) where._id = _.neq(id);
  }
  return rows<MembershipDoc>(
    memberships()
      .where(where)
      .orderBy('joinedAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(pageSize + 1),
  );
}

export async function insert(doc: MembershipDoc): Promise<void> {
  await memberships().add({ data: doc });
}

export async function setStatus(id: string, patch: Partial<MembershipDoc>): Promise<void> {
  await memberships().doc(id).update({ data: patch });
}

export async function removeOfVolunteer(volunteerId: string): Promise<void> {
  await memberships().where({ volunteerId }).remove();
}
