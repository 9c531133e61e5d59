/**
 * stats.reconcile (hq) and the nightly timer: recounts every month from the raw facts (volunteers, brigades,
 * published posts, service and training records, people-served entries, sign-ups and joins with their source) in batches, then the needs counters (供需配对)
 * and the training document's people (培训与资格), compares with the month's counter document,
 * sets each drifted counter to its recounted value and logs the drift. Stops within a time budget and resumes
 * from the month it reached on the next run.
 */
import type { RequestContext } from '../context';
import type { Action } from '../handler';
import * as brigadeRepo from '../repos/brigades';
import * as membershipRepo from '../repos/memberships';
import * as postRepo from '../repos/posts';
import * as recordRepo from '../repos/records';
import * as signupRepo from '../repos/signups';
import * as repo from '../repos/stats';
import * as volunteerRepo from '../repos/volunteers';
import {
  changesOf,
  driftOf,
  flattenCounters,
  honestyOf,
  monthRange,
  type BrigadeRef,
  type StatsFact,
} from '../rules/stats';
import { none } from '../schema';
import { shanghaiMonth } from '../rules/time';
import { isTraining } from '../rules/training';
import { sourceFact } from './count';
import { reconcileNeeds } from './needs-reconcile';
import { reconcileTraining } from './training-reconcile';
import { monthsBetween } from './summary';

const BATCH = 1000;
/** The function's timeout is 60 s; leave room for the last month and the cursor. */
export const RECONCILE_BUDGET_MS = 40_000;

/** Every row of a batched read, batch after batch. */
async function all<T extends { _id: string }>(
  read: (afterId: string | undefined, batch: number) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const page = await read(out[out.length - 1]?._id, BATCH);
    out.push(...page);
    if (page.length < BATCH) return out;
  }
}

/** The month's counters as the raw facts say they should be, and the brigades' labels. */
export async function recountMonth(month: string): Promise<{ counters: Record<string, number>; labels: object }> {
  const range = monthRange(month);
  const [volunteers, brigades, posts, records, served, signups, joins] = await Promise.all([
    all((a, n) => volunteerRepo.registeredIn(range, a, n)),
    all((a, n) => brigadeRepo.createdIn(range, a, n)),
    all((a, n) => postRepo.publishedStartingIn(range, a, n)),
    all((a, n) => recordRepo.servedIn(range, a, n)),
    all((a, n) => repo.peopleServedIn(month, a, n)),
    all((a, n) => signupRepo.sourcedIn(range, a, n)),
    all((a, n) => membershipRepo.sourcedIn(range, a, n)),
  ]);
  const ids = [
    ...new Set([
      ...records.map((r) => r.brigadeId),
      ...posts.map((p) => p.brigadeId),
      ...signups.map((s) => s.brigadeId ?? ''),
      ...joins.map((j) => j.brigadeId),
    ]),
  ].filter(Boolean);
  const labels = new Map<string, { name: string; town: string }>();
  for (let i = 0; i < ids.length; i += 100) {
    for (const b of await brigadeRepo.labels(ids.slice(i, i + 100))) labels.set(b._id, b);
  }
  const ref = (brigadeId: string, name: string, town?: string): BrigadeRef => ({
    brigadeId,
    name: labels.get(brigadeId)?.name ?? name,
    town: town ?? labels.get(brigadeId)?.town ?? '',
  });
  const facts: StatsFact[] = [
    ...volunteers.map((v): StatsFact => ({ kind: 'volunteer', at: v.registeredAt, town: v.town, delta: 1 })),
    ...brigades.map((b): StatsFact => ({
      kind: 'brigade',
      at: b.createdAt,
      brigade: ref(b._id, b.name, b.town),
      delta: 1,
    })),
    ...posts.map((p): StatsFact => ({
      kind: 'post',
      at: p.startAt,
      brigade: ref(p.brigadeId, p.brigadeName, p.town),
      category: p.category,
      delta: 1,
    })),
    ...records.filter(isTraining).map((r): StatsFact => ({
      kind: 'training',
      at: r.serviceDate,
      brigade: ref(r.brigadeId, r.brigadeName),
      trainingMinutes: r.status === 'attended' ? r.minutes : 0,
      ...honestyOf(r),
    })),
    // A training held: one per training post with an attendance recorded.
    ...[
      ...new Map(
        records.filter((r) => isTraining(r) && r.status === 'attended').map((r) => [r.postId, r] as const),
      ).values(),
    ].map((r): StatsFact => ({
      kind: 'training',
      at: r.serviceDate,
      brigade: ref(r.brigadeId, r.brigadeName),
      trainings: 1,
    })),
    ...records
      .filter((r) => !isTraining(r))
      .map((r): StatsFact => ({
        kind: 'service',
        at: r.serviceDate,
        brigade: ref(r.brigadeId, r.brigadeName),
        category: r.category,
        sessions: r.status === 'attended' ? 1 : 0,
        minutes: r.status === 'attended' ? r.minutes : 0,
        noShows: r.status === 'absent' ? 1 : 0,
        ...honestyOf(r),
      })),
    ...served.map((s): StatsFact => ({
      kind: 'service',
      at: s.at,
      brigade: ref(s.brigadeId, s.brigadeName, s.town),
      category: s.category,
      peopleServed: s.peopleServed,
    })),
    // 招募来源: the sign-ups and joins that carry their source (a brigade gone since counts under its last label).
    ...signups
      .filter((x) => x.brigadeId && labels.has(x.brigadeId))
      .map((x) => sourceFact('signups', x.source ?? 'feed', x.signedUpAt, ref(x.brigadeId ?? '', ''))),
    ...joins
      .filter((j) => labels.has(j.brigadeId))
      .map((j) => sourceFact('joins', j.source ?? 'chat', j.joinedAt, ref(j.brigadeId, j.brigadeName))),
  ];
  const change = changesOf(facts).find((c) => c.month === month);
  return { counters: change?.inc ?? {}, labels: change?.set ?? {} };
}

/** Checks (and repairs) one month; true when it had drifted. */
async function reconcileMonth(ctx: Pick<RequestContext, 'log'>, month: string): Promise<boolean> {
  const [{ counters, labels }, doc] = await Promise.all([recountMonth(month), repo.monthDoc(month)]);
  const drift = driftOf(doc ? flattenCounters(doc as unknown as Record<string, unknown>) : {}, counters);
  if (drift.length === 0) return false;
  for (const d of drift) ctx.log.info('stats-drift', { month, ...d });
  await repo.repairMonth(month, {
    ...labels,
    ...Object.fromEntries(drift.map((d) => [d.path, d.recounted])),
  } as Record<string, number | string>);
  return true;
}

/** The earliest and latest time a raw fact could fall in (to know which months to recount). */
async function rawBounds(): Promise<number[]> {
  const found = await Promise.all([
    volunteerRepo.firstRegisteredAt(),
    brigadeRepo.firstCreatedAt(),
    postRepo.publishedStartEdge('asc'),
    recordRepo.serviceDateEdge('asc'),
    postRepo.publishedStartEdge('desc'),
    recordRepo.serviceDateEdge('desc'),
  ]);
  return found.filter((n): n is number => typeof n === 'number');
}

/** The months raw facts or counter documents exist for, through the current month. */
async function monthsToCheck(now: number): Promise<string[]> {
  const [times, kept] = await Promise.all([rawBounds(), repo.monthBounds()]);
  const months = [...times.map(shanghaiMonth), shanghaiMonth(now)];
  if (kept.first) months.push(kept.first);
  if (kept.last) months.push(kept.last);
  months.sort();
  return monthsBetween(months[0], months[months.length - 1]);
}

export async function reconcile(
  ctx: Pick<RequestContext, 'log'>,
  budgetMs = RECONCILE_BUDGET_MS,
): Promise<{ checked: number; repaired: number }> {
  const started = Date.now();
  const [months, cursor] = await Promise.all([monthsToCheck(started), repo.reconcileCursor()]);
  const from = cursor && months.includes(cursor) ? months.indexOf(cursor) : 0;
  let checked = 0;
  let repaired = 0;
  for (const month of months.slice(from)) {
    if (checked > 0 && Date.now() - started > budgetMs) {
      await repo.saveReconcileCursor(month);
      ctx.log.info('stats-reconcile-paused', { next: month, checked, repaired });
      return { checked, repaired };
    }
    if (await reconcileMonth(ctx, month)) repaired += 1;
    checked += 1;
  }
  if (cursor) await repo.saveReconcileCursor(undefined);
  await repo.ensureMonth(shanghaiMonth(started));
  const needsRepaired = await reconcileNeeds(ctx);
  const trainingRepaired = await reconcileTraining(ctx, started);
  ctx.log.info('stats-reconciled', { checked, repaired, needsRepaired, trainingRepaired, ms: Date.now() - started });
  return { checked, repaired };
}

export const reconcileAction: Action<Record<string, never>, { checked: number; repaired: number }> = {
  access: 'hq',
  input: none,
  run: (_input, ctx) => reconcile(ctx),
};
