/** Data access for the `volunteers` collection. `_id` is the volunteerId. */
import { _, db, first, rows } from '../cloud';
import { collectionIn, type Transaction } from '../transaction';
import { batchIn, edgeOf, type Range } from './batches';
import type { Profile } from '../../typings/entities';

/** A volunteer as stored: the contract's Profile keyed by `_id`, contact data encrypted, with the service figures. */
export interface VolunteerDoc extends Omit<Profile, 'volunteerId' | 'mobile' | 'guardian'> {
  _id: string;
  openid: string;
  /** AES-256-GCM ciphertext of the mobile number (see server/rules/pii.ts). */
  mobileEnc: string;
  /** `138****8000`, to show without decrypting. */
  mobileMasked: string;
  guardian?: { name: string; mobileEnc: string; mobileMasked: string; consentAt: number };
  stars: number;
  earnedMinutes: number;
  ratingSum: number;
  ratingCount: number;
  /** When the volunteer last served (a recorded credit), for the active-volunteer count. */
  lastServedAt?: number;
  /** Titles of the honours held, newest first (a copy kept by stars.award, so the profile needs no extra read). */
  honourTitles?: string[];
}

const volunteers = () => db.collection('volunteers');
const inTx = (tx: Transaction) => collectionIn<VolunteerDoc>(tx, 'volunteers');

export function findByOpenid(openid: string): Promise<VolunteerDoc | undefined> {
  return first<VolunteerDoc>(volunteers().where({ openid }));
}

export function findByCardNo(cardNo: string): Promise<VolunteerDoc | undefined> {
  return first<VolunteerDoc>(volunteers().where({ cardNo }));
}

export function findById(volunteerId: string): Promise<VolunteerDoc | undefined> {
  return first<VolunteerDoc>(volunteers().where({ _id: volunteerId }));
}

/** Several volunteers by id, in one request (callers pass at most a page of ids). */
export function findByIds(ids: string[]): Promise<VolunteerDoc[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return rows<VolunteerDoc>(
    volunteers()
      .where({ _id: _.in(ids) })
      .limit(ids.length),
  );
}

export async function insertInTransaction(tx: Transaction, doc: VolunteerDoc): Promise<void> {
  await inTx(tx).add(doc);
}

export async function update(volunteerId: string, patch: Record<string, unknown>): Promise<void> {
  await volunteers().doc(volunteerId).update({ data: patch });
}

export async function remove(volunteerId: string): Promise<void> {
  await volunteers().doc(volunteerId).remove();
}

/** The volunteer as a transaction sees it (undefined when missing). */
export function getInTransaction(tx: Transaction, volunteerId: string): Promise<VolunteerDoc | undefined> {
  return inTx(tx).get(volunteerId);
}

export async function updateInTransaction(tx: Transaction, volunteerId: string, patch: object): Promise<void> {
  await inTx(tx).update(volunteerId, patch);
}

export type StarFactsRow = Pick<
  VolunteerDoc,
  '_id' | 'stars' | 'earnedMinutes' | 'ratingSum' | 'ratingCount' | 'registeredAt'
>;

/** A batch of volunteers after `lastId` in id order, only the fields star levels need (the daily recompute). */
export function starFactsAfter(lastId: string | undefined, batch: number): Promise<StarFactsRow[]> {
  return rows<StarFactsRow>(
    volunteers()
      .where(lastId ? { _id: _.gt(lastId) } : {})
      .orderBy('_id', 'asc')
      .field({ _id: true, stars: true, earnedMinutes: true, ratingSum: true, ratingCount: true, registeredAt: true })
      .limit(batch),
  );
}

/** Adds an honour's title to the profile, newest first. */
export async function addHonourTitle(volunteerId: string, title: string): Promise<void> {
  await volunteers()
    .doc(volunteerId)
    .update({ data: { honourTitles: _.unshift(title) } });
}

// ---- the statistics' reads ----

/** Volunteers who served since `since` (a count: reads no documents). */
export async function countServedSince(since: number, town?: string): Promise<number> {
  const res = (await volunteers()
    .where({ lastServedAt: _.gte(since), ...(town ? { town } : {}) })
    .count()) as { total: number };
  return res.total;
}

/** A batch of the volunteers registered in the range (the statistics' recount). */
export const registeredIn = (range: Range, afterId: string | undefined, size: number) =>
  batchIn<Pick<VolunteerDoc, 'town' | 'registeredAt'>>(
    volunteers(),
    'registeredAt',
    { range, afterId, size },
    { town: true, registeredAt: true },
  );

export const firstRegisteredAt = () => edgeOf(volunteers(), 'registeredAt', 'asc');
