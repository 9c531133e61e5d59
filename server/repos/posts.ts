/** Data access for the `posts` collection. Counters change only through conditional atomic updates. */
import { _, db, first, isDuplicateKey, rows } from '../cloud';
import type { BrigadePostState } from '../../typings/api/posts';
import type { QualificationType } from '../../typings/data';
import type { Post, PostKind } from '../../typings/entities';
import { after, where } from '../paging';
import { collectionIn, type Transaction } from '../transaction';
import { batchIn, edgeOf, type Range } from './batches';
import { brigadeLookup, type BrigadeDoc } from './brigades';
import { hqLookup } from './staff';

/** A post as stored: the contract's Post keyed by `_id`, with its geo point and what only the server needs. */
export interface PostDoc extends Omit<Post, 'postId' | 'distance' | 'kind' | 'requiredQualifications'> {
  _id: string;
  /** Absent on posts stored before trainings: a service. */
  kind?: PostKind;
  /** Absent on posts stored before qualifications: none required. */
  requiredQualifications?: QualificationType[];
  /** Trainings: set once their first attendance is recorded (counted once in 培训场次). */
  trainingHeld?: boolean;
  /** The geo point of `lat`/`lng`, for nearest-first lists. */
  location?: unknown;
  /** Tickets handed out to the waitlist so far: orders it (first come, first promoted). */
  waitlistSeq?: number;
  createdBy: string;
}

const posts = () => db.collection('posts');
const inTx = (tx: Transaction) => collectionIn<PostDoc>(tx, 'posts');

export const toPost = (doc: PostDoc, distance?: number): Post => ({
  postId: doc._id,
  brigadeId: doc.brigadeId,
  brigadeName: doc.brigadeName,
  town: doc.town,
  title: doc.title,
  description: doc.description,
  category: doc.category,
  address: doc.address,
  ...(doc.lat !== undefined && doc.lng !== undefined ? { lat: doc.lat, lng: doc.lng } : {}),
  startAt: doc.startAt,
  endAt: doc.endAt,
  signupDeadline: doc.signupDeadline,
  quota: doc.quota,
  confirmedCount: doc.confirmedCount,
  waitlistCount: doc.waitlistCount,
  requiredSpecialties: doc.requiredSpecialties,
  requiredQualifications: doc.requiredQualifications ?? [],
  kind: doc.kind ?? 'service',
  ...(doc.topic ? { topic: doc.topic } : {}),
  ...(doc.trainer ? { trainer: doc.trainer } : {}),
  adultsOnly: doc.adultsOnly,
  membersOnly: doc.membersOnly,
  status: doc.status,
  ...(doc.seriesId ? { seriesId: doc.seriesId } : {}),
  ...(doc.visibility === 'assigned'
    ? { visibility: doc.visibility, planId: doc.planId, serviceId: doc.serviceId, recipientId: doc.recipientId }
    : {}),
  ...(doc.cancelReason ? { cancelReason: doc.cancelReason } : {}),
  ...(distance !== undefined ? { distance } : {}),
  createdAt: doc.createdAt,
});

export function findById(postId: string): Promise<PostDoc | undefined> {
  return first<PostDoc>(posts().where({ _id: postId }));
}

/** A post with its brigade and whether `openid` is appointed hq, in one request (no brigade if it was removed). */
export async function findWithBrigade(
  postId: string,
  openid: string,
): Promise<{ post?: PostDoc; brigade?: BrigadeDoc; appointedHq: boolean }> {
  const { list } = (await posts()
    .aggregate()
    .match({ _id: postId })
    .limit(1)
    .lookup(brigadeLookup('brigade'))
    .lookup(hqLookup(openid, 'hq'))
    .end()) as { list: (PostDoc & { brigade: BrigadeDoc[]; hq: object[] })[] };
  if (list.length === 0) return { appointedHq: false };
  const { brigade, hq, ...post } = list[0];
  return { post, ...(brigade[0] ? { brigade: brigade[0] } : {}), appointedHq: hq.length > 0 };
}

export function byIds(ids: string[]): Promise<PostDoc[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return rows<PostDoc>(
    posts()
      .where({ _id: _.in(ids) })
      .limit(ids.length),
  );
}

export interface ListFilters {
  town?: string;
  category?: string;
  brigadeId?: string;
  from: number;
}

/** The feed: public posts only (every post stores its visibility, so this is an indexed equality). */
const filtersOf = (f: ListFilters): Record<string, unknown> => ({
  status: 'published',
  visibility: 'public',
  startAt: _.gte(f.from),
  ...(f.town ? { town: f.town } : {}),
  ...(f.category ? { category: f.category } : {}),
  ...(f.brigadeId ? { brigadeId: f.brigadeId } : {}),
});

/** Upcoming published posts, soonest first (one page + 1). */
export function soonest(f: ListFilters, pageSize: number, cursor?: string): Promise<PostDoc[]> {
  return rows<PostDoc>(
    posts()
      .where(where(filtersOf(f), after('startAt', 'asc', cursor)))
      .orderBy('startAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(pageSize + 1),
  );
}

/** Upcoming published posts with a location, nearest first (one page + 1 after `offset`). */
export function nearest(f: ListFilters, lat: number, lng: number, pageSize: number, offset: number) {
  return rows<PostDoc>(
    posts()
      .where({
        ...filtersOf(f),
        location: _.geoNear({ geometry: db.Geo.Point(lng, lat), maxDistance: 100_000 }),
      })
      .skip(offset)
      .limit(pageSize + 1),
  );
}

/** One post, or a weekly series in one request. */
export async function insert(doc: PostDoc | PostDoc[]): Promise<void> {
  await posts().add({ data: doc });
}

/** Inserts a post whose `_id` is derived from what it is; false when it already exists. */
export async function insertIfMissing(doc: PostDoc): Promise<boolean> {
  try {
    await posts().add({ data: doc });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

// ---- visits (结对探访) ----

/** A plan's published visits that start after `now` (a few per service in the rolling window). */
export function futureVisitsOfPlan(planId: string, now: number, limit = 200): Promise<PostDoc[]> {
  return rows<PostDoc>(
    posts()
      .where({ planId, status: 'published', startAt: _.gt(now) })
      .orderBy('startAt', 'asc')
      .limit(limit),
  );
}

/** Cancels a published post nobody is signed up to any more; true when this call cancelled it. */
export async function cancelIfEmpty(postId: string, reason: string): Promise<boolean> {
  const res = (await posts()
    .where({ _id: postId, status: 'published', confirmedCount: 0, waitlistCount: 0 })
    .update({ data: { status: 'cancelled', cancelReason: reason } })) as { stats: { updated: number } };
  return res.stats.updated === 1;
}

/** The published visits of these services that start after `now`, soonest first, in one request. */
export function nextVisitsOfServices(serviceIds: string[], now: number, limit: number): Promise<PostDoc[]> {
  if (serviceIds.length === 0) return Promise.resolve([]);
  return rows<PostDoc>(
    posts()
      .where({ serviceId: _.in(serviceIds), status: 'published', startAt: _.gt(now) })
      .orderBy('startAt', 'asc')
      .limit(limit),
  );
}

/**
 * Marks a training as held (its first attendance recorded); true only for the call that marked it, so the figure
 * 培训场次 counts each training once however many recordings race.
 */
export async function markTrainingHeld(postId: string): Promise<boolean> {
  const res = (await posts()
    .where({ _id: postId, kind: 'training', trainingHeld: _.neq(true) })
    .update({ data: { trainingHeld: true } })) as { stats: { updated: number } };
  return res.stats.updated === 1;
}

export async function update(postId: string, patch: Record<string, unknown>): Promise<number> {
  const res = (await posts().doc(postId).update({ data: patch })) as { stats?: { updated?: number } };
  return res.stats?.updated ?? 0;
}

/** A renamed brigade: the name copy on each of its posts (what lists show and what the statistics hooks count). */
export async function renameBrigade(brigadeId: string, brigadeName: string): Promise<void> {
  await posts().where({ brigadeId }).update({ data: { brigadeName } });
}

/**
 * Takes one confirmed place if any is left: the conditional atomic update that holds the quota under any
 * concurrency. `quota` is the value the caller read; if a leader changed it meanwhile nothing is taken.
 */
export async function takePlace(postId: string, quota: number): Promise<boolean> {
  const res = (await posts()
    .where({ _id: postId, status: 'published', quota, confirmedCount: _.lt(quota) })
    .update({ data: { confirmedCount: _.inc(1) } })) as { stats: { updated: number } };
  return res.stats.updated === 1;
}

/** Adds to both counters at once (negative to release). */
export async function bump(postId: string, confirmed: number, waitlisted: number): Promise<void> {
  const data: Record<string, unknown> = {};
  if (confirmed) data.confirmedCount = _.inc(confirmed);
  if (waitlisted) data.waitlistCount = _.inc(waitlisted);
  if (Object.keys(data).length) await posts().doc(postId).update({ data });
}

/** The post as a transaction sees it (undefined when missing). */
export function getInTransaction(tx: Transaction, postId: string): Promise<PostDoc | undefined> {
  return inTx(tx).get(postId);
}

/** Counts one more sign-up inside a transaction: a confirmed place, or the next ticket of the waitlist. */
export async function countSignupInTransaction(tx: Transaction, postId: string, placed: boolean): Promise<void> {
  await inTx(tx).update(
    postId,
    placed ? { confirmedCount: _.inc(1) } : { waitlistCount: _.inc(1), waitlistSeq: _.inc(1) },
  );
}

// ---- the statistics' reads ----

/** A batch of the published posts starting in the range (the statistics' recount). */
export const publishedStartingIn = (range: Range, afterId: string | undefined, size: number) =>
  batchIn<Pick<PostDoc, 'brigadeId' | 'brigadeName' | 'town' | 'category' | 'startAt'>>(
    posts(),
    'startAt',
    { range, afterId, size },
    { brigadeId: true, brigadeName: true, town: true, category: true, startAt: true },
    { status: 'published' },
  );

/** The first or last start of a published post. */
export const publishedStartEdge = (dir: 'asc' | 'desc') => edgeOf(posts(), 'startAt', dir, { status: 'published' });

// ---- the leaders' workbench ----

/** A post with how many of its attendees are recorded (ended posts only). */
export type PostWithRecords = PostDoc & { recordedCount?: number };

/** One page + 1 of a brigade's published posts in a state at `now` (see BRIGADE_POST_STATES), in one request. */
export async function ofBrigade(
  brigadeId: string,
  state: BrigadePostState,
  now: number,
  pageSize: number,
  cursor?: string,
): Promise<PostWithRecords[]> {
  const base = { brigadeId, status: 'published' };
  if (state === 'upcoming' || state === 'ongoing') {
    const started = state === 'upcoming' ? { startAt: _.gt(now) } : { startAt: _.lte(now), endAt: _.gt(now) };
    return rows<PostDoc>(
      posts()
        .where(where({ ...base, ...started }, after('startAt', 'asc', cursor)))
        .orderBy('startAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(pageSize + 1),
    );
  }
  // Ended with nobody confirmed: nothing to record, so in neither list.
  const ended = { ...base, endAt: _.lte(now), confirmedCount: _.gt(0) };
  const recorded = state === 'recorded' ? _.not(_.size(0)) : _.size(0);
  const { list } = (await posts()
    .aggregate()
    .match(where(ended, after('startAt', 'desc', cursor)))
    .lookup({ from: 'service_records', localField: '_id', foreignField: 'postId', as: 'records' })
    .match({ records: recorded })
    .sort({ startAt: -1, _id: -1 })
    .limit(pageSize + 1)
    .end()) as { list: (PostDoc & { records: unknown[] })[] };
  return list.map(({ records, ...post }) => ({ ...post, recordedCount: records.length }));
}
