/** Data access for the `star_changes` collection: each change of a volunteer's star level, with its date. */
import { db, rows } from '../cloud';
import { newId } from '../ids';
import { collectionIn, type Transaction } from '../transaction';

export interface StarChangeDoc {
  _id: string;
  volunteerId: string;
  from: number;
  to: number;
  /** What moved it: a record, an adjustment, or the daily recompute (tenure reached). */
  cause: 'record' | 'adjust' | 'recompute';
  at: number;
}

export async function insertInTransaction(tx: Transaction, change: Omit<StarChangeDoc, '_id'>): Promise<void> {
  await collectionIn<StarChangeDoc>(tx, 'star_changes').add({ _id: newId(), ...change });
}

/** A volunteer's latest changes, newest first (bounded). */
export function ofVolunteer(volunteerId: string, limit = 20): Promise<StarChangeDoc[]> {
  return rows<StarChangeDoc>(db.collection('star_changes').where({ volunteerId }).orderBy('at', 'desc').limit(limit));
}

/** Erasure: a deleted volunteer's star history goes with the profile. */
export async function removeOfVolunteer(volunteerId: string): Promise<void> {
  await db.collection('star_changes').where({ volunteerId }).remove();
}
