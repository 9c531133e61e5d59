/**
 * Data access for the `stats` collection: one counter document per Shanghai month (`month:YYYY-MM`, kind `month`),
 * the people-served figure a leader entered per post (`post:<postId>`, kind `post`), and the reconciliation's
 * resume point (`reconcile:cursor`). The raw facts the recount reads belong to their own collections' repositories.
 */
import { _, db, first, isDuplicateKey, rows } from '../cloud';
import type { Post } from '../../typings/entities';
import { expand, key, monthDocId, type MonthChange } from '../rules/stats';

export interface CounterMap {
  [figure: string]: number | undefined;
}

export interface MonthDoc {
  _id: string;
  kind: 'month';
  period: string;
  total?: CounterMap;
  byTown?: Record<string, CounterMap>;
  byBrigade?: Record<
    string,
    CounterMap & { name?: string; town?: string; byCategory?: Record<string, CounterMap> } & Record<string, unknown>
  >;
  byCategory?: Record<string, CounterMap>;
}

export interface PeopleServedDoc extends Pick<Post, 'postId' | 'brigadeId' | 'brigadeName' | 'town' | 'category'> {
  _id: string;
  kind: 'post';
  period: string;
  /** The post's start. */
  at: number;
  peopleServed: number;
}

const stats = () => db.collection('stats');
const PAGE = 100;

/** Applies one month's change with a single `_.inc` update, creating the month document when it is missing. */
export async function applyChange(change: MonthChange): Promise<void> {
  const id = monthDocId(change.month);
  const data: Record<string, unknown> = { ...change.set };
  for (const [path, n] of Object.entries(change.inc)) data[path] = _.inc(n);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const res = (await stats().doc(id).update({ data })) as { stats?: { updated?: number } };
    if ((res.stats?.updated ?? 0) > 0) return;
    try {
      await stats().add({
        data: { _id: id, kind: 'month', period: change.month, ...expand({ ...change.set, ...change.inc }) },
      });
      return;
    } catch (error) {
      // Someone created it first: apply the increment to theirs.
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new Error(`stats: could not apply the change to ${id}`);
}

/** The month documents of a period (`YYYY-MM`, inclusive), oldest first: one read per 100 months. */
export async function monthDocs(from?: string, to?: string, fields?: Record<string, true>): Promise<MonthDoc[]> {
  const range = from && to ? _.and(_.gte(from), _.lte(to)) : from ? _.gte(from) : to ? _.lte(to) : _.exists(true);
  const out: MonthDoc[] = [];
  for (;;) {
    const last = out.length > 0 ? out[out.length - 1].period : undefined;
    let query = stats()
      .where({ kind: 'month', period: last ? _.and(range, _.gt(last)) : range })
      .orderBy('period', 'asc');
    if (fields) query = query.field({ _id: true, kind: true, period: true, ...fields });
    const page = await rows<MonthDoc>(query.limit(PAGE));
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

export function monthDoc(month: string): Promise<MonthDoc | undefined> {
  return first<MonthDoc>(stats().where({ _id: monthDocId(month) }));
}

/** The oldest and newest month with a counter document. */
export async function monthBounds(): Promise<{ first?: string; last?: string }> {
  const pick = (dir: 'asc' | 'desc') =>
    first<{ period: string }>(stats().where({ kind: 'month' }).orderBy('period', dir).field({ period: true }));
  const [a, b] = await Promise.all([pick('asc'), pick('desc')]);
  return { first: a?.period, last: b?.period };
}

/** Sets counter paths to recounted values (the repair); creates the document when it is missing. */
export async function repairMonth(month: string, paths: Record<string, number | string>): Promise<void> {
  const id = monthDocId(month);
  const res = (await stats().doc(id).update({ data: paths })) as { stats?: { updated?: number } };
  if ((res.stats?.updated ?? 0) > 0) return;
  if (await monthDoc(month)) return;
  try {
    await stats().add({ data: { _id: id, kind: 'month', period: month, ...expand(paths) } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await stats().doc(id).update({ data: paths });
  }
}

/** Creates an empty month document if there is none, so the month's first counted fact costs one update, not two. */
export async function ensureMonth(month: string): Promise<void> {
  try {
    await stats().add({ data: { _id: monthDocId(month), kind: 'month', period: month } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/**
 * A renamed brigade: its name copy in every month document that counts it, in one update, so the statistics show
 * the new name at once (the month documents without the brigade stay as they are).
 */
export async function renameBrigade(brigadeId: string, name: string): Promise<void> {
  const path = `byBrigade.${key(brigadeId)}.name`;
  await stats()
    .where({ kind: 'month', [path]: _.exists(true) })
    .update({ data: { [path]: name } });
}

// ---- people served, entered per post ----

export const peopleServedId = (postId: string) => `post:${postId}`;

/**
 * Keeps the figure a leader entered for a post and answers by how much the counters must move: the first entry
 * counts in full, the same number again counts nothing, a different number replaces the old one (its difference).
 * A conditional update makes concurrent entries count each change exactly once.
 */
export async function setPeopleServed(doc: Omit<PeopleServedDoc, '_id' | 'kind'>): Promise<number> {
  const id = peopleServedId(doc.postId);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const held = await first<PeopleServedDoc>(stats().where({ _id: id }));
    if (!held) {
      try {
        await stats().add({ data: { _id: id, kind: 'post', ...doc } });
        return doc.peopleServed;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        continue;
      }
    }
    if (held.peopleServed === doc.peopleServed) return 0;
    const res = (await stats()
      .where({ _id: id, peopleServed: held.peopleServed })
      .update({ data: { peopleServed: doc.peopleServed } })) as { stats: { updated: number } };
    if (res.stats.updated === 1) return doc.peopleServed - held.peopleServed;
  }
  throw new Error(`stats: could not set people served of ${doc.postId}`);
}

/** The people-served entries of posts starting in a month (bounded: a month's posts, read in batches). */
export function peopleServedIn(month: string, afterId: string | undefined, batch: number) {
  return rows<PeopleServedDoc>(
    stats()
      .where({ kind: 'post', period: month, ...(afterId ? { _id: _.gt(afterId) } : {}) })
      .orderBy('_id', 'asc')
      .limit(batch),
  );
}

// ---- the reconciliation's resume point ----

const CURSOR_ID = 'reconcile:cursor';

export async function reconcileCursor(): Promise<string | undefined> {
  return (await first<{ period: string }>(stats().where({ _id: CURSOR_ID })))?.period;
}

export async function saveReconcileCursor(month: string | undefined): Promise<void> {
  if (month)
    await stats()
      .doc(CURSOR_ID)
      .set({ data: { kind: 'cursor', period: month } });
  else await stats().where({ _id: CURSOR_ID }).remove();
}

// ---- needs (供需配对): one counter document, and what each fact last counted ----

export const NEEDS_ID = 'needs';

export interface NeedsDoc {
  _id: string;
  kind: 'needs';
  byTown?: Record<string, Record<string, unknown>>;
}

/** What one fact (`snap:<kind>:<id>`) last moved the needs counters by; `rev` orders concurrent recounts. */
export interface SnapshotDoc {
  _id: string;
  kind: 'snap';
  rev: number;
  counts: { path: string; n: number }[];
}

export const snapshotId = (kind: string, id: string) => `snap:${kind}:${id}`;
const countsOf = (doc: SnapshotDoc | undefined) => Object.fromEntries((doc?.counts ?? []).map((c) => [c.path, c.n]));
const listOf = (counts: Record<string, number>) => Object.entries(counts).map(([path, n]) => ({ path, n }));

/** The needs document (only the towns asked for, when given). */
export function needsDoc(towns?: string[]): Promise<NeedsDoc | undefined> {
  let query = stats().where({ _id: NEEDS_ID });
  if (towns) query = query.field({ _id: true, ...Object.fromEntries(towns.map((t) => [`byTown.${key(t)}`, true])) });
  return first<NeedsDoc>(query);
}

/** Moves the needs counters with one `_.inc` update, creating the document when it is missing. */
export async function incNeeds(inc: Record<string, number>): Promise<void> {
  if (Object.keys(inc).length === 0) return;
  const data = Object.fromEntries(Object.entries(inc).map(([path, n]) => [path, _.inc(n)]));
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const res = (await stats().doc(NEEDS_ID).update({ data })) as { stats?: { updated?: number } };
    if ((res.stats?.updated ?? 0) > 0) return;
    try {
      await stats().add({ data: { _id: NEEDS_ID, kind: 'needs', ...expand(inc) } });
      return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new Error('stats: could not move the needs counters');
}

/** Sets needs counter paths to recounted values (the repair). */
export async function repairNeeds(paths: Record<string, number>): Promise<void> {
  const res = (await stats().doc(NEEDS_ID).update({ data: paths })) as { stats?: { updated?: number } };
  if ((res.stats?.updated ?? 0) > 0 || (await needsDoc([]))) return;
  try {
    await stats().add({ data: { _id: NEEDS_ID, kind: 'needs', ...expand(paths) } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await stats().doc(NEEDS_ID).update({ data: paths });
  }
}

/**
 * Keeps what a fact counts now and answers by how much the counters must move (now − counted before). With
 * `once`, a fact already counted stays as it was (a first visit is counted once). A conditional update on `rev`
 * makes concurrent recounts of one fact move the counters exactly once each.
 */
export async function settleSnapshot(id: string, counts: Record<string, number>, once = false) {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const held = await first<SnapshotDoc>(stats().where({ _id: id }));
    if (!held) {
      try {
        await stats().add({ data: { _id: id, kind: 'snap', rev: 1, counts: listOf(counts) } });
        return { before: {}, after: counts };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        continue;
      }
    }
    if (once) return { before: countsOf(held), after: countsOf(held) };
    const res = (await stats()
      .where({ _id: id, rev: held.rev })
      .update({ data: { rev: held.rev + 1, counts: listOf(counts) } })) as { stats: { updated: number } };
    if (res.stats.updated === 1) return { before: countsOf(held), after: counts };
  }
  throw new Error(`stats: could not settle ${id}`);
}

/** The snapshots, in batches by `_id` (for the recount). */
export async function snapshots(afterId: string | undefined, batch: number) {
  const page = await rows<SnapshotDoc>(
    stats()
      .where({ kind: 'snap', ...(afterId ? { _id: _.gt(afterId) } : {}) })
      .orderBy('_id', 'asc')
      .limit(batch),
  );
  return page.map((doc) => ({ _id: doc._id, rev: doc.rev, counts: countsOf(doc) }));
}

/** Rewrites a snapshot to what its fact counts (the repair). */
export async function resetSnapshot(id: string, counts: Record<string, number>): Promise<void> {
  await stats()
    .doc(id)
    .set({ data: { kind: 'snap', rev: Date.now(), counts: listOf(counts) } });
}

// ---- training and qualifications (培训与资格): one counter document of people now ----

export const TRAINING_ID = 'training';

/**
 * `trained` and `qualified` volunteers now, in `total`, `byTown.<town>` and `byBrigade.<brigadeId>` (a brigade counts
 * its active members). Moved by the writes that change the facts, recounted nightly.
 */
export interface TrainingDoc {
  _id: string;
  kind: 'training';
  total?: CounterMap;
  byTown?: Record<string, CounterMap>;
  byBrigade?: Record<string, CounterMap>;
}

/** The training document; only the given dot paths (e.g. one brigade's slice) when given. */
export function trainingDoc(paths?: string[]): Promise<TrainingDoc | undefined> {
  let query = stats().where({ _id: TRAINING_ID });
  if (paths) query = query.field({ _id: true, ...Object.fromEntries(paths.map((p) => [p, true])) });
  return first<TrainingDoc>(query);
}

/** Moves the training counters with one `_.inc` update, creating the document when it is missing. */
export async function incTraining(inc: Record<string, number>): Promise<void> {
  const changes = Object.entries(inc).filter(([, n]) => n !== 0);
  if (changes.length === 0) return;
  const data = Object.fromEntries(changes.map(([path, n]) => [path, _.inc(n)]));
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const res = (await stats().doc(TRAINING_ID).update({ data })) as { stats?: { updated?: number } };
    if ((res.stats?.updated ?? 0) > 0) return;
    try {
      await stats().add({ data: { _id: TRAINING_ID, kind: 'training', ...expand(Object.fromEntries(changes)) } });
      return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new Error('stats: could not move the training counters');
}

/** Sets training counter paths to recounted values (the repair); creates the document when it is missing. */
export async function repairTraining(paths: Record<string, number>): Promise<void> {
  const res = (await stats().doc(TRAINING_ID).update({ data: paths })) as { stats?: { updated?: number } };
  if ((res.stats?.updated ?? 0) > 0 || (await trainingDoc([]))) return;
  try {
    await stats().add({ data: { _id: TRAINING_ID, kind: 'training', ...expand(paths) } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await stats().doc(TRAINING_ID).update({ data: paths });
  }
}
