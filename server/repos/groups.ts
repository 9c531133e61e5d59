/** Data access for the `groups` collection. */
import { db, first, rows } from '../cloud';
import type { Group } from '../../typings/entities';

export interface GroupDoc extends Omit<Group, 'groupId'> {
  _id: string;
  memberIds: string[];
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

/** The groups a volunteer is in (bounded: a person is in a handful). */
export function ofMember(volunteerId: string): Promise<GroupDoc[]> {
  return rows<GroupDoc>(groups().where({ memberIds: volunteerId }).limit(50));
}

/** Takes a volunteer out of a group (their name and card number go with them). */
export async function removeMember(group: GroupDoc, volunteerId: string, now: number): Promise<void> {
  await groups()
    .doc(group._id)
    .update({
      data: {
        memberIds: group.memberIds.filter((id) => id !== volunteerId),
        members: group.members.filter((m) => m.volunteerId !== volunteerId),
        updatedAt: now,
      },
    });
}
