/** Data access for the `assignments` collection (结对: a volunteer on a plan service). */
import { db, first } from '../cloud';

const assignments = () => db.collection('assignments');

/** Whether the volunteer accepted a service for this recipient (and so may read what a visit needs). */
export async function isAcceptedCarer(recipientId: string, volunteerId: string): Promise<boolean> {
  const hit = await first<{ _id: string }>(assignments().where({ recipientId, status: 'accepted', volunteerId }));
  return !!hit;
}
