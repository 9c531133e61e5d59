/** Data access for the `invites` collection: `_id` is the code. */
import { db, first } from '../cloud';

export interface InviteDoc {
  _id: string;
  code: string;
  brigadeId: string;
  createdBy: string;
  createdAt: number;
  expiresAt?: number;
  revoked: boolean;
  revokedAt?: number;
}

const invites = () => db.collection('invites');

export function findByCode(code: string): Promise<InviteDoc | undefined> {
  return first<InviteDoc>(invites().where({ code }));
}

export async function insert(doc: InviteDoc): Promise<void> {
  await invites().add({ data: doc });
}

export async function revoke(id: string, at: number): Promise<void> {
  await invites()
    .doc(id)
    .update({ data: { revoked: true, revokedAt: at } });
}
