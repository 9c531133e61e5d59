/** Data access for the `brigades` collection. */
import { _, db, first, rows } from '../cloud';
import type { Brigade } from '../../typings/entities';
import { after, where, type Direction } from '../paging';
import type { ContactCopy } from '../rules/contact';
import { batchIn, edgeOf, type Range } from './batches';

/** A brigade as stored: the contract's Brigade keyed by `_id`, with its leaders' ids for the queries. */
export interface BrigadeDoc extends Omit<Brigade, 'brigadeId'> {
  _id: string;
  leaderIds: string[];
  createdBy: string;
  /** Whom to contact: a copy of the first appointed leader still registered (none without a leader). */
  contact?: ContactCopy;
}

const brigades = () => db.collection('brigades');

export const toBrigade = (doc: BrigadeDoc): Brigade => ({
  brigadeId: doc._id,
  name: doc.name,
  town: doc.town,
  joinMode: doc.joinMode,
  ...(doc.description ? { description: doc.description } : {}),
  ...(doc.brand ? { brand: doc.brand } : {}),
  ...(doc.story ? { story: doc.story } : {}),
  leaders: doc.leaders,
  memberCount: doc.memberCount,
  createdAt: doc.createdAt,
});

export function findById(brigadeId: string): Promise<BrigadeDoc | undefined> {
  return first<BrigadeDoc>(brigades().where({ _id: brigadeId }));
}

/** Brigades the volunteer leads (bounded: a person leads a handful at most). */
export function ledBy(volunteerId: string): Promise<BrigadeDoc[]> {
  return rows<BrigadeDoc>(brigades().where({ leaderIds: volunteerId }).limit(50));
}

export function byIds(ids: string[]): Promise<BrigadeDoc[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return rows<BrigadeDoc>(
    brigades()
      .where({ _id: _.in(ids) })
      .limit(ids.length),
  );
}

/** One page, newest first, optionally in one town. */
export function page(filters: { town?: string; ids?: string[] }, pageSize: number, cursor?: string) {
  const dir: Direction = 'desc';
  const base: Record<string, unknown> = {};
  if (filters.town) base.town = filters.town;
  if (filters.ids) base._id = _.in(filters.ids);
  return rows<BrigadeDoc>(
    brigades()
      .where(where(base, after('createdAt', dir, cursor)))
      .orderBy('createdAt', dir)
      .orderBy('_id', dir)
      .limit(pageSize + 1),
  );
}

export async function insert(doc: BrigadeDoc): Promise<void> {
  await brigades().add({ data: doc });
}

export async function update(brigadeId: string, patch: Record<string, unknown>): Promise<void> {
  await brigades().doc(brigadeId).update({ data: patch });
}

/** Sets the brigade's contact, or removes it (`undefined`). */
export async function setContact(brigadeId: string, contact: ContactCopy | undefined): Promise<void> {
  await brigades()
    .doc(brigadeId)
    .update({ data: { contact: contact ? _.set(contact) : _.remove() } });
}

/** A leader changed their name or mobile: every brigade they are the contact of follows (one request). */
export async function refreshContact(contact: ContactCopy): Promise<void> {
  await brigades()
    .where({ 'contact.volunteerId': contact.volunteerId })
    .update({ data: { contact: _.set(contact) } });
}

/** A volunteer's erasure: they are no brigade's contact any more (one request). */
export async function dropContact(volunteerId: string): Promise<void> {
  await brigades()
    .where({ 'contact.volunteerId': volunteerId })
    .update({ data: { contact: _.remove() } });
}

/** A `lookup` that joins to a post (`brigadeId`) its brigade (at most one document). */
export function brigadeLookup(as: string): object {
  return {
    from: 'brigades',
    let: { brigadeId: '$brigadeId' },
    pipeline: [{ $match: { $expr: { $eq: ['$_id', '$$brigadeId'] } } }, { $limit: 1 }],
    as,
  };
}

export async function addMembers(brigadeId: string, delta: number): Promise<void> {
  await brigades()
    .doc(brigadeId)
    .update({ data: { memberCount: _.inc(delta) } });
}

/** A volunteer's erasure: one member fewer in each of these brigades, in one request. */
export async function removeMemberOf(brigadeIds: string[]): Promise<void> {
  if (brigadeIds.length === 0) return;
  await brigades()
    .where({ _id: _.in(brigadeIds) })
    .update({ data: { memberCount: _.inc(-1) } });
}

// ---- the statistics' reads ----

/** A batch of the brigades created in the range (the statistics' recount). */
export const createdIn = (range: Range, afterId: string | undefined, size: number) =>
  batchIn<Pick<BrigadeDoc, 'name' | 'town' | 'createdAt'>>(
    brigades(),
    'createdAt',
    { range, afterId, size },
    { name: true, town: true, createdAt: true },
  );

export const firstCreatedAt = () => edgeOf(brigades(), 'createdAt', 'asc');

/** Names and towns of brigades (at most 100 ids per call). */
export function labels(ids: string[]): Promise<Pick<BrigadeDoc, '_id' | 'name' | 'town'>[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return rows<Pick<BrigadeDoc, '_id' | 'name' | 'town'>>(
    brigades()
      .where({ _id: _.in(ids) })
      .field({ _id: true, name: true, town: true })
      .limit(ids.length),
  );
}
