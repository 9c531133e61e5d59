/**
 * Data access for the `recipients` collection (read side used by plans and matching). The stored shape: the
 * contract's Recipient without `detail`, keyed by `_id`, the personal detail (name, address, position, phone,
 * guardian, notes) encrypted as one JSON document in `detailEnc` (see server/rules/pii.ts).
 */
import { db, first } from '../cloud';
import type { Recipient } from '../../typings/needs';

export interface RecipientDoc extends Omit<Recipient, 'recipientId' | 'detail'> {
  _id: string;
  /** AES-256-GCM ciphertext of the RecipientDetail JSON. */
  detailEnc: string;
}

const recipients = () => db.collection('recipients');

export function findById(recipientId: string): Promise<RecipientDoc | undefined> {
  return first<RecipientDoc>(recipients().where({ _id: recipientId }));
}
