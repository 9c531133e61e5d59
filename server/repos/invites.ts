/** Data access for the `invites` collection: `_id` is the code. */
import { db, first } from '../cloud';
import type { BrigadeDoc } from './brigades';
import type { VolunteerDoc } from './volunteers';

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

/**
 * An invite with its brigade and the volunteer of `openid` (who is joining), in one request; nothing when the code is
 * unknown.
 */
export async function findByCodeWithBrigade(
  code: string,
  openid: string,
): Promise<{ invite?: InviteDoc; brigade?: BrigadeDoc; volunteer?: VolunteerDoc }> {
  const { list } = (await invites()
    .aggregate()
    .match({ code })
    .limit(1)
    .lookup({ from: 'brigades', localField: 'brigadeId', foreignField: '_id', as: 'brigades' })
    .lookup({ from: 'volunteers', pipeline: [{ $match: { openid } }, { $limit: 1 }], as: 'callers' })
    .end()) as { list: (InviteDoc & { brigades: BrigadeDoc[]; callers: VolunteerDoc[] })[] };
  if (list.length === 0) return {};
  const { brigades, callers, ...invite } = list[0];
  return { invite, brigade: brigades[0], volunteer: callers[0] };
}
