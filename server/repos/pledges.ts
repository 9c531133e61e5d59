/**
 * Data access for the `pledges` collection: goods pledges (物资捐赠). `_id` derives from the pledger's openid and
 * the request's `requestId`, so a repeated request meets the unique `_id` and adds nothing. State changes are
 * conditional updates on the status, so two coordinators matching one pledge at once cannot both win.
 */
import { createHash } from 'node:crypto';
import type { Town } from '../../typings/data';
import type { GoodsCondition, Pledge, PledgeStatus } from '../../typings/resources';
import { db, first, rows } from '../cloud';
import { after, where } from '../paging';

export interface PledgeDoc {
  _id: string;
  openid: string;
  /** Who offers: a registered volunteer, or a verified donor (then `donorId`). */
  volunteerId?: string;
  donorId?: string;
  /** As others see the pledger: a person's masked name (陈**) or the donor's name. */
  byName: string;
  what: string;
  quantity: number;
  unit: string;
  condition: GoodsCondition;
  town: Town;
  pickupFrom: number;
  pickupTo: number;
  note?: string;
  status: PledgeStatus;
  match?: { wishId?: string; planId?: string; title: string };
  matchedBy?: string;
  createdAt: number;
  updatedAt: number;
  matchedAt?: number;
  handedAt?: number;
  withdrawnAt?: number;
}

const pledges = () => db.collection('pledges');
type Updated = { stats: { updated: number } };

/** The pledge a request makes: the same openid and requestId always name the same pledge. */
export const pledgeIdOf = (openid: string, requestId: string) =>
  `pl_${createHash('sha256').update(`${openid}|${requestId}`).digest('hex').slice(0, 24)}`;

export const toPledge = (doc: PledgeDoc): Pledge => ({
  pledgeId: doc._id,
  what: doc.what,
  quantity: doc.quantity,
  unit: doc.unit,
  condition: doc.condition,
  town: doc.town,
  pickupFrom: doc.pickupFrom,
  pickupTo: doc.pickupTo,
  status: doc.status,
  by: doc.byName,
  ...(doc.note ? { note: doc.note } : {}),
  ...(doc.match ? { match: doc.match } : {}),
  createdAt: doc.createdAt,
  ...(doc.matchedAt !== undefined ? { matchedAt: doc.matchedAt } : {}),
  ...(doc.handedAt !== undefined ? { handedAt: doc.handedAt } : {}),
});

export function findById(pledgeId: string): Promise<PledgeDoc | undefined> {
  return first<PledgeDoc>(pledges().where({ _id: pledgeId }));
}

/** Inserts; the same request twice throws the database's duplicate-key error. */
export async function insert(doc: PledgeDoc): Promise<void> {
  await pledges().add({ data: doc });
}

/** Moves a pledge from one status to the next only if it is still in the first (and, if given, the pledger's). */
export async function transition(
  pledgeId: string,
  from: PledgeStatus,
  patch: Partial<PledgeDoc> & { status: PledgeStatus },
  openid?: string,
): Promise<boolean> {
  const res = (await pledges()
    .where({ _id: pledgeId, status: from, ...(openid ? { openid } : {}) })
    .update({ data: patch })) as Updated;
  return res.stats.updated === 1;
}

export interface PledgeFilters {
  /** The pledger's own (else a town's). */
  openid?: string;
  town?: Town;
  status?: PledgeStatus;
}

/** One page, newest first. */
export function page(filters: PledgeFilters, pageSize: number, cursor?: string): Promise<PledgeDoc[]> {
  const base: Record<string, unknown> = filters.openid ? { openid: filters.openid } : { town: filters.town };
  if (filters.status) base.status = filters.status;
  return rows<PledgeDoc>(
    pledges()
      .where(where(base, after('createdAt', 'desc', cursor)))
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(pageSize + 1),
  );
}
