/**
 * Data access for the `subscriptions` collection: one-time subscribe-message grants, one document per
 * (subject, template) with `_id` = `<subject>|<templateId>` (subject: `signup:<signupId>` or
 * `membership:<membershipId>`). A grant is used by at most one message; a new tap grants it again.
 */
import { _, db, rows } from '../cloud';

export interface GrantDoc {
  _id: string;
  subject: string;
  templateId: string;
  /** Whom the message goes to: the openid of the person who accepted. */
  openid: string;
  volunteerId: string;
  status: 'granted' | 'used';
  grantedAt: number;
  usedAt?: number;
  /** The outbox key of the message that used it. */
  usedBy?: string;
}

const subscriptions = () => db.collection('subscriptions');

/** Records (or renews) a grant: the same tap reported twice leaves one grant. */
export async function grant(doc: GrantDoc): Promise<void> {
  const { _id, ...fields } = doc;
  await subscriptions().doc(_id).set({ data: fields });
}

export function byIds(ids: string[]): Promise<GrantDoc[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return Promise.resolve([]);
  return rows<GrantDoc>(
    subscriptions()
      .where({ _id: _.in(unique) })
      .limit(unique.length),
  );
}

/** Marks a grant used by the message `key`, unless another message used it (true again for the same key). */
export async function consume(id: string, key: string, now: number): Promise<boolean> {
  const res = (await subscriptions()
    .where(
      _.or([
        { _id: id, status: 'granted' },
        { _id: id, usedBy: key },
      ]),
    )
    .update({ data: { status: 'used', usedBy: key, usedAt: now } })) as { stats: { updated: number } };
  return res.stats.updated === 1;
}

/** Every grant a volunteer gave (bounded; for the export and erasure). */
export function ofVolunteer(volunteerId: string, limit = 1000): Promise<GrantDoc[]> {
  return rows<GrantDoc>(subscriptions().where({ volunteerId }).limit(limit));
}

/** Erasure: the person's grants go, and with them their openid. */
export async function removeOfVolunteer(volunteerId: string): Promise<void> {
  await subscriptions().where({ volunteerId }).remove();
}
