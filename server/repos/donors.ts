/**
 * Data access for the `donors` collection: donors (爱心企业), one per openid and per 统一社会信用代码. The contact
 * mobile is encrypted (see server/rules/pii.ts) with a masked copy to show without decrypting.
 */
import type { Town } from '../../typings/data';
import type { Donor, DonorStatus } from '../../typings/resources';
import { _, db, first, rows } from '../cloud';
import { newId } from '../ids';
import { after, where } from '../paging';

export interface DonorDoc {
  _id: string;
  openid: string;
  name: string;
  creditCode: string;
  contactName: string;
  contactMobileEnc: string;
  contactMobileMasked: string;
  town?: Town;
  status: DonorStatus;
  reason?: string;
  publicThanks: boolean;
  registeredAt: number;
  reviewedAt?: number;
  /** Wishes the donor fulfilled, moved with `_.inc` by the write that records a fulfilment (the board's thanks). */
  fulfilled?: number;
}

const donors = () => db.collection('donors');
type Updated = { stats: { updated: number } };

export const newDonorId = () => `dn_${newId()}`;

/** The donor as the wire shows it, with the credit code and mobile as the caller may see them (full or masked). */
export function toDonor(doc: DonorDoc, shown: { creditCode: string; contactMobile: string }): Donor {
  return {
    donorId: doc._id,
    name: doc.name,
    creditCode: shown.creditCode,
    contactName: doc.contactName,
    contactMobile: shown.contactMobile,
    ...(doc.town ? { town: doc.town } : {}),
    status: doc.status,
    ...(doc.reason ? { reason: doc.reason } : {}),
    publicThanks: doc.publicThanks,
    registeredAt: doc.registeredAt,
  };
}

export function findById(donorId: string): Promise<DonorDoc | undefined> {
  return first<DonorDoc>(donors().where({ _id: donorId }));
}

export function findByOpenid(openid: string): Promise<DonorDoc | undefined> {
  return first<DonorDoc>(donors().where({ openid }));
}

/** The caller's donor when hq verified it: who may claim wishes and pledge goods as a donor (h/wishes reads this). */
export async function findVerifiedByOpenid(openid: string): Promise<DonorDoc | undefined> {
  if (!openid) return undefined;
  return first<DonorDoc>(donors().where({ openid, status: 'verified' }));
}

/** A few donors by id (the pledgers of one page). */
export function byIds(ids: string[]): Promise<DonorDoc[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return rows<DonorDoc>(
    donors()
      .where({ _id: _.in(ids) })
      .limit(ids.length),
  );
}

/** Inserts; a second donor for the openid or the credit code throws the database's duplicate-key error. */
export async function insert(doc: DonorDoc): Promise<void> {
  await donors().add({ data: doc });
}

/** A rejected donor registers again: the new details go back to hq. */
export async function resubmit(donorId: string, patch: Omit<DonorDoc, '_id' | 'openid' | 'status'>): Promise<boolean> {
  const res = (await donors()
    .where({ _id: donorId, status: 'rejected' })
    .update({ data: { ...patch, status: 'pending', reason: _.remove() } })) as Updated;
  return res.stats.updated === 1;
}

/** hq's review, only while pending (a second reviewer at the same time finds it done). */
export async function review(donorId: string, patch: { status: DonorStatus; reason?: string; reviewedAt: number }) {
  const res = (await donors().where({ _id: donorId, status: 'pending' }).update({ data: patch })) as Updated;
  return res.stats.updated === 1;
}

/** One page of donors in a status, newest first. */
export function page(status: DonorStatus, pageSize: number, cursor?: string): Promise<DonorDoc[]> {
  return rows<DonorDoc>(
    donors()
      .where(where({ status }, after('registeredAt', 'desc', cursor)))
      .orderBy('registeredAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(pageSize + 1),
  );
}

/** One more (or one fewer) wish fulfilled by the donor: the board's thanks read this. */
export async function countFulfilled(donorId: string, delta: number): Promise<void> {
  await donors()
    .doc(donorId)
    .update({ data: { fulfilled: _.inc(delta) } });
}

/** Verified donors who consented to be thanked by name, most wishes fulfilled first (the public board). */
export function thanked(limit: number): Promise<DonorDoc[]> {
  return rows<DonorDoc>(
    donors()
      .where({ status: 'verified', publicThanks: true, fulfilled: _.gt(0) })
      .orderBy('fulfilled', 'desc')
      .limit(limit),
  );
}
