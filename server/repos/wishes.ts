/**
 * Data access for the `wishes` collection (微心愿). A wish keeps its recipient only as displayName, town and
 * community (never the name, address or phone); photos as fileIDs. Status moves only by conditional updates on
 * the current status, so two claimers, two reviewers or two timer runs never both win.
 */
import { _, db, first, rows } from '../cloud';
import type { Town } from '../../typings/data';
import type { Wish, WishClaimer, WishKind, WishStatus } from '../../typings/resources';
import { after, where } from '../paging';

export interface WishDoc {
  _id: string;
  recipientId: string;
  recipient: { displayName: string; town: Town; community: string };
  town: Town;
  brigadeId?: string;
  title: string;
  description: string;
  kind: WishKind;
  estimatedValue?: number;
  photoFileId?: string;
  status: WishStatus;
  reason?: string;
  /** Who posted it (volunteerId) and as which organisation it shows (the brigade, or the town's 社工站). */
  postedById: string;
  postedBy: string;
  createdAt: number;
  updatedAt: number;
  publishedAt?: number;
  expiresAt?: number;
  claimedAt?: number;
  fulfilBy?: number;
  /** The claim: who (openid, for 我的认领 and a donor's page), as whom, and the request that won it. */
  claimerOpenid?: string;
  claimerId?: string;
  claimer?: WishClaimer;
  /** The claimer's own name, shown only to the claimer and the recipient's side. */
  claimerName?: string;
  claimRequestId?: string;
  /** A claim ran out once and the wish went back to the wall; the next time it expires. */
  returnedOnce?: boolean;
  fulfilment?: { photoFileIds: string[]; note?: string; at: number };
  thanks?: string;
  closedAt?: number;
}

export type WishOrder = 'newest' | 'expiring';

const wishes = () => db.collection('wishes');
type Updated = { stats: { updated: number } };

export const newWishId = (id: string) => `ws_${id}`;

export function findById(wishId: string): Promise<WishDoc | undefined> {
  return first<WishDoc>(wishes().where({ _id: wishId }));
}

export async function insert(doc: WishDoc): Promise<void> {
  await wishes().add({ data: doc });
}

/** Moves a wish from one of `from` to new fields; false when it was elsewhere (someone else won). */
export async function transition(
  wishId: string,
  from: WishStatus[],
  patch: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  const res = (await wishes()
    .where({ _id: wishId, status: _.in(from), ...extra })
    .update({ data: patch })) as Updated;
  return res.stats.updated === 1;
}

/** Removes fields (e.g. the claim when a wish goes back to the wall) in the same conditional update. */
export const removed = () => _.remove();

const CLAIM_FIELDS = [
  'claimerOpenid',
  'claimerId',
  'claimer',
  'claimerName',
  'claimRequestId',
  'claimedAt',
  'fulfilBy',
];

/** The patch that takes the claim off a wish (back on the wall). */
export const unclaimed = (): Record<string, unknown> => Object.fromEntries(CLAIM_FIELDS.map((f) => [f, _.remove()]));

/** Claims a published wish still on the wall: one conditional update, exactly one winner. */
export function claim(wishId: string, now: number, patch: Record<string, unknown>): Promise<boolean> {
  return transition(wishId, ['published'], patch, { expiresAt: _.gt(now) });
}

/** Open claims (claimed, not fulfilled) a person holds. */
export async function openClaims(openid: string): Promise<number> {
  const res = (await wishes().where({ claimerOpenid: openid, status: 'claimed' }).count()) as { total: number };
  return res.total;
}

const PAGE_ORDER: Record<WishOrder, { field: 'publishedAt' | 'expiresAt'; dir: 'asc' | 'desc' }> = {
  newest: { field: 'publishedAt', dir: 'desc' },
  expiring: { field: 'expiresAt', dir: 'asc' },
};

/** One page of the wall: published wishes (of a town), newest or soonest-expiring first. */
export function wall(town: Town | undefined, order: WishOrder, pageSize: number, cursor?: string) {
  const { field, dir } = PAGE_ORDER[order];
  const base: Record<string, unknown> = { status: 'published' };
  if (town) base.town = town;
  return rows<WishDoc>(
    wishes()
      .where(where(base, after(field, dir, cursor)))
      .orderBy(field, dir)
      .orderBy('_id', dir)
      .limit(pageSize + 1),
  );
}

/** One page of wishes by a filter (a status of a town, of a poster, or a claimer's), most recently changed first. */
export function pageBy(filters: Record<string, unknown>, pageSize: number, cursor?: string) {
  return rows<WishDoc>(
    wishes()
      .where(where(filters, after('updatedAt', 'desc', cursor)))
      .orderBy('updatedAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(pageSize + 1),
  );
}

/** Published wishes past their time on the wall, oldest first (the timer). */
export function expiredOnWall(now: number, limit: number) {
  return rows<WishDoc>(
    wishes()
      .where({ status: 'published', expiresAt: _.lte(now) })
      .orderBy('expiresAt', 'asc')
      .limit(limit),
  );
}

/** Claimed wishes past their fulfil-by time, oldest first (the timer). */
export function overdueClaims(now: number, limit: number) {
  return rows<WishDoc>(
    wishes()
      .where({ status: 'claimed', fulfilBy: _.lte(now) })
      .orderBy('fulfilBy', 'asc')
      .limit(limit),
  );
}

/** The wishes a claimer (by openid) holds or held, newest claim first: a donor's page. */
export function claimedBy(openid: string, limit: number) {
  return rows<WishDoc>(wishes().where({ claimerOpenid: openid }).orderBy('claimedAt', 'desc').limit(limit));
}

/** The contract's Wish, without URLs (the action adds those it may show). */
export function toWish(doc: WishDoc, viewerOpenid: string, seesClaimerName: boolean): Wish {
  const mine = !!doc.claimerOpenid && doc.claimerOpenid === viewerOpenid;
  const claimer =
    doc.claimer && (mine || seesClaimerName) && doc.claimerName && doc.claimer.kind === 'person'
      ? { ...doc.claimer, name: doc.claimerName }
      : doc.claimer;
  return {
    wishId: doc._id,
    recipient: doc.recipient,
    title: doc.title,
    description: doc.description,
    kind: doc.kind,
    ...(doc.estimatedValue !== undefined ? { estimatedValue: doc.estimatedValue } : {}),
    status: doc.status,
    ...(doc.reason ? { reason: doc.reason } : {}),
    ...(doc.brigadeId ? { brigadeId: doc.brigadeId } : {}),
    postedBy: doc.postedBy,
    createdAt: doc.createdAt,
    ...(doc.publishedAt !== undefined ? { publishedAt: doc.publishedAt } : {}),
    ...(doc.claimedAt !== undefined ? { claimedAt: doc.claimedAt } : {}),
    ...(doc.fulfilBy !== undefined ? { fulfilBy: doc.fulfilBy } : {}),
    ...(doc.expiresAt !== undefined ? { expiresAt: doc.expiresAt } : {}),
    ...(claimer ? { claimer } : {}),
    ...(mine ? { mine } : {}),
    ...(doc.closedAt !== undefined ? { closedAt: doc.closedAt } : {}),
  };
}
