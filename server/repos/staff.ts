/** Data access for the `staff` collection: hq appointed in the database. */
import { db, first } from '../cloud';

export async function isAppointedHq(openid: string): Promise<boolean> {
  return (await first(db.collection('staff').where({ openid, role: 'hq' }))) !== undefined;
}

/** A `lookup` that joins to any document the caller's hq appointment (at most one), to learn it in the same request. */
export function hqLookup(openid: string, as: string): object {
  return { from: 'staff', let: {}, pipeline: [{ $match: { openid, role: 'hq' } }, { $limit: 1 }], as };
}
