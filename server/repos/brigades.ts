/** Data access for the `brigades` collection. */
import { db, rows } from '../cloud';

export interface BrigadeDoc {
  _id: string;
  name: string;
  town: string;
  joinMode: 'open' | 'review';
  description?: string;
  leaderIds: string[];
  leaders: { volunteerId: string; name: string; cardNo: string }[];
  memberCount: number;
  createdAt: number;
}

/** Brigades the volunteer leads (bounded: a person leads a handful at most). */
export function ledBy(volunteerId: string): Promise<BrigadeDoc[]> {
  return rows<BrigadeDoc>(db.collection('brigades').where({ leaderIds: volunteerId }).limit(50));
}
