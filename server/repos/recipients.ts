/**
 * Data access for the `recipients` collection (the reads plans and matching need). Personal data (name, address,
 * position, phone, guardian, notes) is kept as one encrypted JSON (`sealed`); the rest is what anyone allowed to
 * know of a recipient may see.
 */
import type { RecipientCategory, Town } from '../../typings/data';
import type { RecipientConsent, RecipientDetail, RecipientStatus } from '../../typings/needs';
import { db, first } from '../cloud';
import { decrypt, type KeyInput } from '../rules/pii';

export interface RecipientDoc {
  _id: string;
  displayName: string;
  town: Town;
  community: string;
  categories: RecipientCategory[];
  status: RecipientStatus;
  brigadeId?: string;
  consent: RecipientConsent;
  /** RecipientDetail as encrypted JSON; erased when the recipient leaves the programme. */
  sealed?: string;
  surveyId?: string;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  closedAt?: number;
  closeReason?: string;
}

const recipients = () => db.collection('recipients');

/** The personal data of a recipient (undefined once erased). */
export const detailOf = (doc: RecipientDoc, key: KeyInput): RecipientDetail | undefined =>
  doc.sealed ? (JSON.parse(decrypt(doc.sealed, key)) as RecipientDetail) : undefined;

export function findById(recipientId: string): Promise<RecipientDoc | undefined> {
  return first<RecipientDoc>(recipients().where({ _id: recipientId }));
}
