/** Data access for the `honours` collection. */
import { db, rows } from '../cloud';
import type { HonourAward } from '../../typings/entities';

export interface HonourDoc {
  _id: string;
  volunteerId: string;
  honour: HonourAward['honour'];
  year?: number;
  reason: string;
  awardedAt: number;
  awardedBy: string;
}

export const toAward = (doc: HonourDoc): HonourAward => ({
  honourId: doc._id,
  honour: doc.honour,
  ...(doc.year ? { year: doc.year } : {}),
  reason: doc.reason,
  awardedAt: doc.awardedAt,
});

/** A volunteer's honours, newest first (bounded). */
export function ofVolunteer(volunteerId: string): Promise<HonourDoc[]> {
  return rows<HonourDoc>(db.collection('honours').where({ volunteerId }).orderBy('awardedAt', 'desc').limit(50));
}
