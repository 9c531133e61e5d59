/** Data access for the `honours` collection. */
import { db, rows } from '../cloud';
import type { HonourAward } from '../../typings/entities';
import { after, where } from '../paging';

export interface HonourDoc extends Omit<HonourAward, 'honourId'> {
  _id: string;
  volunteerId: string;
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

/** One award per (volunteer, honour, year): 功勋义工 has no year, so it is awarded once. */
export const honourId = (volunteerId: string, honour: HonourAward['honour'], year?: number) =>
  `${volunteerId}:${honour}:${year ?? 'once'}`;

/** Adds the award; a repeat fails with the database's duplicate-key error (the caller answers ALREADY_EXISTS). */
export async function insert(doc: HonourDoc): Promise<void> {
  await db.collection('honours').add({ data: doc });
}

/** One page of awards, newest first, optionally of one honour and year (pageSize + 1 read). */
export function page(filters: { honour?: string; year?: number }, pageSize: number, cursor?: string) {
  const base: Record<string, unknown> = {};
  if (filters.honour) base.honour = filters.honour;
  if (filters.year !== undefined) base.year = filters.year;
  return rows<HonourDoc>(
    db
      .collection('honours')
      .where(where(base, after('awardedAt', 'desc', cursor)))
      .orderBy('awardedAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(pageSize + 1),
  );
}

/** Erasure: a deleted volunteer's honours go with the profile. */
export async function removeOfVolunteer(volunteerId: string): Promise<void> {
  await db.collection('honours').where({ volunteerId }).remove();
}
