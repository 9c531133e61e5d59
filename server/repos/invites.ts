/** Data access for the `invites` collection: `_id` is the code. */
import { db, first } from '../cloud';
import type { BrigadeDoc } from './brigades';

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

/** An invite by code with its brigade (undefined when the brigade is gone): one request. */
export async function findByCodeWithBrigade(code: string): Promise<{ invite?: InviteDoc; brigade?: BrigadeDoc }> {
  const { list } = (await invites()
    .aggregate()
    .match({ code })
    .limit(1)
    .lookup({ from: 'brigades', localField: 'brigadeId', foreignField: '_id', as: 'brigades' })
    .end()) as { list: (InviteDoc & { brigades: BrigadeDoc[] })[] };
  if (list.length === 0) return {};
  const { brigades, ...invite } = list[0];
  return { invite, brigade: brigades[0] };
}
