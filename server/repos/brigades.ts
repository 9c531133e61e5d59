/** Data access for the `brigades` collection. */
import { _, db, first, rows } from '../cloud';
import type { Brigade } from '../../typings/entities';
import type { Town } from '../../typings/data';
import { after, where, type Direction } from '../paging';

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
  createdBy: string;
}

const brigades = () => db.collection('brigades');

export const toBrigade = (doc: BrigadeDoc): Brigade => ({
  brigadeId: doc._id,
  name: doc.name,
  town: doc.town as Town,
  joinMode: doc.joinMode,
  ...(doc.description ? { description: doc.description } : {}),
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

export async function addMembers(brigadeId: string, delta: number): Promise<void> {
  await brigades()
    .doc(brigadeId)
    .update({ data: { memberCount: _.inc(delta) } });
}
