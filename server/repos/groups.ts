/** Data access for the `groups` collection. */
import { db, first, rows } from '../cloud';
import type { Group } from '../../typings/entities';

export interface GroupDoc {
  _id: string;
  brigadeId: string;
  name: string;
  members: Group['members'];
  memberIds: string[];
  updatedAt: number;
}

const groups = () => db.collection('groups');

export const toGroup = (doc: GroupDoc): Group => ({
  groupId: doc._id,
  brigadeId: doc.brigadeId,
  name: doc.name,
  members: doc.members,
  updatedAt: doc.updatedAt,
});

export function ofBrigade(brigadeId: string): Promise<GroupDoc[]> {
  return rows<GroupDoc>(groups().where({ brigadeId }).orderBy('updatedAt', 'desc').limit(100));
}

export function findById(groupId: string): Promise<GroupDoc | undefined> {
  return first<GroupDoc>(groups().where({ _id: groupId }));
}

export async function insert(doc: GroupDoc): Promise<void> {
  await groups().add({ data: doc });
}

export async function replace(doc: GroupDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await groups().doc(_id).set({ data: rest });
}
