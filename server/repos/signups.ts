/**
 * Data access for the `signups` collection: one document per (post, volunteer) with `_id` = `<postId>:<volunteerId>`,
 * so a second sign-up of the same person is refused by the database itself.
 */
import { _, db, first, rows } from '../cloud';
import type { ShareSource } from '../../typings/api/brigades';
import type { Signup, SignupStatus } from '../../typings/entities';
import { batchIn, type Range } from './batches';
import { newId } from '../ids';
import { after, where, type Direction } from '../paging';
import { collectionIn, type Transaction } from '../transaction';

/** A sign-up as stored: the contract's Signup keyed by `_id`, with copies of the post and the person for rosters. */
export interface SignupDoc extends Omit<Signup, 'position'> {
  _id: string;
  /** Waitlist order: the time the person joined the waitlist (ties broken by _id). */
  seq: number;
  startAt: number;
  endAt: number;
  postTitle: string;
  name: string;
  cardNo: string;
  /** 招募来源 of a sign-up made since sources were counted, with the post's brigade (for the nightly recount). */
  source?: ShareSource;
  brigadeId?: string;
}

export const signupId = (postId: string, volunteerId: string) => `${postId}:${volunteerId}`;

const signups = () => db.collection('signups');
const inTx = (tx: Transaction) => collectionIn<SignupDoc>(tx, 'signups');

export const toSignup = (doc: SignupDoc, position?: number): Signup => ({
  postId: doc.postId,
  volunteerId: doc.volunteerId,
  status: doc.status,
  ...(position !== undefined ? { position } : {}),
  ...(doc.checkinAt ? { checkinAt: doc.checkinAt } : {}),
  ...(doc.checkoutAt ? { checkoutAt: doc.checkoutAt } : {}),
  signedUpAt: doc.signedUpAt,
});

export function find(postId: string, volunteerId: string): Promise<SignupDoc | undefined> {
  return first<SignupDoc>(signups().where({ _id: signupId(postId, volunteerId) }));
}

export async function insert(doc: SignupDoc): Promise<void> {
  await signups().add({ data: doc });
}

/** Changes a sign-up only if it is still in one of `from`: the guard against double withdrawals and promotions. */
export async function transition(id: string, from: SignupStatus[], patch: Partial<SignupDoc>): Promise<boolean> {
  const res = (await signups()
    .where({ _id: id, status: _.in(from) })
    .update({ data: patch })) as { stats: { updated: number } };
  return res.stats.updated === 1;
}

/** The first waitlisted sign-ups of a post, in waitlist order. */
export function firstWaitlisted(postId: string, count: number): Promise<SignupDoc[]> {
  return rows<SignupDoc>(
    signups().where({ postId, status: 'waitlisted' }).orderBy('seq', 'asc').orderBy('_id', 'asc').limit(count),
  );
}

/** 1-based waitlist position of a waitlisted sign-up (a count, not a scan of documents). */
export async function positionOf(doc: SignupDoc): Promise<number> {
  const res = (await signups()
    .where(
      _.and([
        { postId: doc.postId, status: 'waitlisted' },
        _.or([{ seq: _.lt(doc.seq) }, { seq: doc.seq, _id: _.lt(doc._id) }]),
      ]),
    )
    .count()) as { total: number };
  return res.total + 1;
}

/** Every live sign-up of a post (bounded by its quota and waitlist). */
export function ofPost(postId: string, limit = 1000): Promise<SignupDoc[]> {
  return rows<SignupDoc>(
    signups()
      .where({ postId, status: _.in(['confirmed', 'waitlisted']) })
      .orderBy('seq', 'asc')
      .limit(limit),
  );
}

/** A volunteer's sign-ups, upcoming soonest first or past newest first (one page + 1). */
export function ofVolunteer(volunteerId: string, past: boolean, now: number, pageSize: number, cursor?: string) {
  const direction: Direction = past ? 'desc' : 'asc';
  const base = {
    volunteerId,
    status: past ? _.in(['confirmed', 'waitlisted', 'cancelled']) : _.in(['confirmed', 'waitlisted']),
    startAt: past ? _.lt(now) : _.gte(now),
  };
  return rows<SignupDoc>(
    signups()
      .where(where(base, after('startAt', direction, cursor)))
      .orderBy('startAt', direction)
      .orderBy('_id', direction)
      .limit(pageSize + 1),
  );
}

/** Cancels every live sign-up of a post (post cancelled). */
export async function cancelAll(postId: string): Promise<number> {
  const res = (await signups()
    .where({ postId, status: _.in(['confirmed', 'waitlisted']) })
    .update({ data: { status: 'cancelled' } })) as { stats: { updated: number } };
  return res.stats.updated;
}

/** Keeps the sign-ups' copy of the post's time in step after the leader moves it (for overlap checks). */
export async function retime(postId: string, startAt: number, endAt: number): Promise<void> {
  await signups().where({ postId }).update({ data: { startAt, endAt } });
}

/** Several sign-ups by id in one request (callers pass a bounded batch). */
export function byIds(ids: string[]): Promise<SignupDoc[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return Promise.resolve([]);
  return rows<SignupDoc>(
    signups()
      .where({ _id: _.in(unique) })
      .limit(unique.length),
  );
}

/** Every sign-up of a volunteer, whatever its status (bounded; for the export and erasure). */
export function allOfVolunteer(volunteerId: string, limit = 1000): Promise<SignupDoc[]> {
  return rows<SignupDoc>(signups().where({ volunteerId }).limit(limit));
}

/** Whether the volunteer holds a live sign-up for a service that has not started (one document at most). */
export async function hasUpcoming(volunteerId: string, now: number): Promise<boolean> {
  const found = await rows<SignupDoc>(
    signups()
      .where({ volunteerId, status: _.in(['confirmed', 'waitlisted']), startAt: _.gt(now) })
      .limit(1),
  );
  return found.length > 0;
}

/** What a roster shows for a person who deleted their profile. */
export const DELETED_NAME = '已注销义工';

/**
 * Erasure: each sign-up is replaced by an anonymous copy (a fresh opaque id, no name or card number), so past
 * rosters keep their attendance without the person. Copies are written before the originals go.
 */
export async function anonymiseOfVolunteer(volunteerId: string): Promise<number> {
  const mine = await allOfVolunteer(volunteerId);
  if (mine.length === 0) return 0;
  const copies = mine.map((doc) => {
    const anonymous = `deleted-${newId()}`;
    return { ...doc, _id: signupId(doc.postId, anonymous), volunteerId: anonymous, name: DELETED_NAME, cardNo: '' };
  });
  await signups().add({ data: copies });
  await signups().where({ volunteerId }).remove();
  return mine.length;
}

/** The sign-up as a transaction sees it (undefined when missing). */
export function getInTransaction(tx: Transaction, id: string): Promise<SignupDoc | undefined> {
  return inTx(tx).get(id);
}

/** Writes the whole sign-up inside a transaction (a new one, or a withdrawn one signing up again). */
export function setInTransaction(tx: Transaction, doc: SignupDoc): Promise<void> {
  return inTx(tx).set(doc);
}

/** A sign-up as a lookup joins it: with the waitlisted sign-ups ahead of it counted (`[{ n }]`, empty when none). */
export type SignupWithAhead = SignupDoc & { ahead?: { n: number }[] };

/**
 * A `lookup` that joins to a volunteer (`_id`) their sign-up for a post, counting the waitlisted sign-ups ahead of
 * it in the order of `positionOf` (seq, then _id), so a caller's place needs no request of its own.
 */
export function mineLookup(postId: string, as: string): object {
  const before = {
    $or: [{ $lt: ['$seq', '$$seq'] }, { $and: [{ $eq: ['$seq', '$$seq'] }, { $lt: ['$_id', '$$id'] }] }],
  };
  const ahead = [
    { $match: { postId, status: 'waitlisted', $expr: { $and: [{ $eq: ['$$status', 'waitlisted'] }, before] } } },
    { $count: 'n' },
  ];
  const own = { from: 'signups', let: { seq: '$seq', id: '$_id', status: '$status' }, pipeline: ahead, as: 'ahead' };
  return {
    from: 'signups',
    let: { volunteerId: '$_id' },
    pipeline: [
      { $match: { postId, $expr: { $eq: ['$volunteerId', '$$volunteerId'] } } },
      { $limit: 1 },
      { $lookup: own },
    ],
    as,
  };
}

/** The sign-up a `mineLookup` joined, and its 1-based waitlist position when waitlisted. */
export function placeOf(joined: SignupWithAhead): { signup: SignupDoc; position?: number } {
  const { ahead, ...signup } = joined;
  return signup.status === 'waitlisted' ? { signup, position: (ahead?.[0]?.n ?? 0) + 1 } : { signup };
}

/**
 * A `lookup` that joins to a post (`startAt`, `endAt`) the volunteer's confirmed sign-ups for other posts whose time
 * overlaps it [startAt, endAt) (at most one is needed to refuse). Lookup pipelines are plain MongoDB:
 * the SDK encodes commands such as `_.neq` only in `match()`.
 */
/**
 * For the caller's volunteer (`_id`) with the post they sign up to as `post` (an array of one): a confirmed sign-up
 * of theirs to another post overlapping it in time, at most one.
 */
export function clashLookup(postId: string, as: string): object {
  const overlaps = [{ $lt: ['$startAt', '$$endAt'] }, { $gt: ['$endAt', '$$startAt'] }];
  return {
    from: 'signups',
    let: {
      volunteerId: '$_id',
      startAt: { $arrayElemAt: ['$post.startAt', 0] },
      endAt: { $arrayElemAt: ['$post.endAt', 0] },
    },
    pipeline: [
      {
        $match: {
          status: 'confirmed',
          postId: { $ne: postId },
          $expr: { $and: [{ $eq: ['$volunteerId', '$$volunteerId'] }, ...overlaps] },
        },
      },
      { $limit: 1 },
    ],
    as,
  };
}

/** The statistics' recount: sign-ups made in the range that carry their source (招募来源), in batches. */
export const sourcedIn = (range: Range, afterId: string | undefined, size: number) =>
  batchIn<Pick<SignupDoc, 'source' | 'brigadeId' | 'signedUpAt'>>(
    signups(),
    'signedUpAt',
    { range, afterId, size },
    { source: true, brigadeId: true, signedUpAt: true },
    { source: _.exists(true) },
  );
