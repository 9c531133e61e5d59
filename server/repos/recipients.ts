/**
 * Data access for the `recipients` collection. Personal data (name, address, position, phone, guardian, notes)
 * is kept as one encrypted JSON (`sealed`); the rest is what anyone allowed to know of a recipient may see.
 */
import type { Honorific, RecipientCategory, Town } from '../../typings/data';
import type { RecipientConsent, RecipientDetail, RecipientStatus, RecipientSummary } from '../../typings/needs';
import { _, db, first, rows } from '../cloud';
import { after, where } from '../paging';
import { decrypt, encrypt, type KeyInput } from '../rules/pii';
import { newId } from '../ids';

export interface RecipientDoc {
  _id: string;
  displayName: string;
  honorific?: Honorific;
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

export const seal = (detail: RecipientDetail, key: KeyInput) => encrypt(JSON.stringify(detail), key);

/** The personal data of a recipient (undefined once erased). */
export const detailOf = (doc: RecipientDoc, key: KeyInput): RecipientDetail | undefined =>
  doc.sealed ? (JSON.parse(decrypt(doc.sealed, key)) as RecipientDetail) : undefined;

export const toSummary = (doc: RecipientDoc): RecipientSummary => ({
  recipientId: doc._id,
  displayName: doc.displayName,
  town: doc.town,
  community: doc.community,
  categories: doc.categories,
});

export function findById(recipientId: string): Promise<RecipientDoc | undefined> {
  return first<RecipientDoc>(recipients().where({ _id: recipientId }));
}

/** Inserts; a duplicate `_id` (the same survey converted twice) throws the database's duplicate-key error. */
export async function insert(doc: RecipientDoc): Promise<void> {
  await recipients().add({ data: doc });
}

export async function update(recipientId: string, patch: Partial<RecipientDoc>): Promise<void> {
  await recipients().doc(recipientId).update({ data: patch });
}

/** Leaving the programme: the personal data goes, the anonymised record stays. */
export async function close(recipientId: string, reason: string, at: number): Promise<void> {
  await recipients()
    .doc(recipientId)
    .update({ data: { status: 'closed', closeReason: reason, closedAt: at, updatedAt: at, sealed: _.remove() } });
}

export interface RecipientFilters {
  town: Town;
  status: RecipientStatus;
  brigadeId?: string;
  category?: RecipientCategory;
}

/** One page, most recently updated first. */
export function page(filters: RecipientFilters, pageSize: number, cursor?: string): Promise<RecipientDoc[]> {
  const base: Record<string, unknown> = { town: filters.town, status: filters.status };
  if (filters.brigadeId) base.brigadeId = filters.brigadeId;
  if (filters.category) base.categories = filters.category;
  return rows<RecipientDoc>(
    recipients()
      .where(where(base, after('updatedAt', 'desc', cursor)))
      .orderBy('updatedAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(pageSize + 1),
  );
}

export const newRecipientId = () => `rc_${newId()}`;

/** Every recipient's counted fields, in batches by `_id` (the statistics' recount). */
export function countedAfter(afterId: string | undefined, size: number) {
  return rows<Pick<RecipientDoc, '_id' | 'town' | 'status' | 'categories'>>(
    recipients()
      .where(afterId ? { _id: _.gt(afterId) } : {})
      .orderBy('_id', 'asc')
      .field({ _id: true, town: true, status: true, categories: true })
      .limit(size),
  );
}

/** A few recipients by id (the pairs of one page of 我的结对). */
export function byIds(ids: string[]): Promise<RecipientDoc[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return rows<RecipientDoc>(
    recipients()
      .where({ _id: _.in(ids) })
      .limit(ids.length),
  );
}
