/** Data access for the `staff` collection: hq appointed in the database. */
import { db, first } from '../cloud';

export async function isAppointedHq(openid: string): Promise<boolean> {
  return (await first(db.collection('staff').where({ openid, role: 'hq' }))) !== undefined;
}
