/**
 * Statistics counters, pure: a fact ("a volunteer registered in 东区 in 2026-11", "a post of brigade B in category C
 * starting in 2026-12", "recorded: 3 sessions, 180 minutes, 1 no-show") becomes the `_.inc` paths of one month
 * document. The hooks and the nightly recount both go through `changesOf`, so they can never disagree on a path.
 *
 * A month document (`_id` = `month:YYYY-MM`) holds `total.<figure>`, `byTown.<town>.<figure>`,
 * `byBrigade.<brigadeId>.<figure>` (with `name` and `town`), `byBrigade.<brigadeId>.byCategory.<category>.<figure>`
 * and `byCategory.<category>.<figure>`.
 */
import { shanghaiMonth } from './time';

export const FIGURES = ['volunteers', 'brigades', 'posts', 'sessions', 'minutes', 'peopleServed', 'noShows'] as const;
export type Figure = (typeof FIGURES)[number];
export type Figures = Record<Figure, number>;

/**
 * Trainings (培训), kept apart from the service figures: training posts with at least one attendance recorded (by
 * start month) and their recorded minutes. In `total`, `byTown` and `byBrigade`, never by category.
 */
export const TRAINING_FIGURES = ['trainings', 'trainingMinutes'] as const;
export type TrainingCounts = Partial<Record<(typeof TRAINING_FIGURES)[number], number>>;

/**
 * 招募来源: sign-ups and joins by where they came from (a chat card, Moments, a scanned poster, the feed), as flat
 * counters `signupsChat` … `joinsFeed` in `total`, `byTown` and `byBrigade`, by the month the person signed up or joined.
 */
export const SHARE_SOURCES = ['chat', 'moments', 'poster', 'feed'] as const;
export type SourceWhat = 'signups' | 'joins';
export const sourceFigure = (what: SourceWhat, source: string) =>
  `${what}${source.charAt(0).toUpperCase()}${source.slice(1)}`;

export interface BrigadeRef {
  brigadeId: string;
  name: string;
  town: string;
}

/**
 * "Records stay honest": attendances recorded beyond the post's length (and the minutes beyond it), and attendances
 * recorded without a check-in (and their minutes). Kept per brigade only, and shown in the brigade's figures.
 */
export const HONESTY = ['overCapRecords', 'overCapMinutes', 'uncheckedRecords', 'uncheckedMinutes'] as const;
export type Honesty = Record<(typeof HONESTY)[number], number>;

export interface ServiceCounts extends Partial<Honesty> {
  sessions?: number;
  minutes?: number;
  noShows?: number;
  peopleServed?: number;
}

/** What a record holds that the honesty figures count (records from before the rule carry no cap: never flagged). */
export interface RecordFacts {
  status: string;
  minutes: number;
  /** The post's length in minutes when recorded. */
  capMinutes?: number;
  /** Whether the volunteer had checked in. */
  checkedIn?: boolean;
}

/** One record's honesty figures. */
export function honestyOf(r: RecordFacts): Honesty {
  const attended = r.status === 'attended';
  const over = attended && r.capMinutes !== undefined && r.minutes > r.capMinutes;
  const unchecked = attended && r.checkedIn === false && r.minutes > 0;
  return {
    overCapRecords: over ? 1 : 0,
    overCapMinutes: over ? r.minutes - (r.capMinutes ?? 0) : 0,
    uncheckedRecords: unchecked ? 1 : 0,
    uncheckedMinutes: unchecked ? r.minutes : 0,
  };
}

/** Figures summed over records, or `after − before` for a correction. */
export function sumHonesty(records: RecordFacts[], sign = 1, into: Honesty = emptyHonesty()): Honesty {
  for (const r of records) {
    const h = honestyOf(r);
    for (const k of HONESTY) into[k] += sign * h[k];
  }
  return into;
}

export const emptyHonesty = (): Honesty => ({
  overCapRecords: 0,
  overCapMinutes: 0,
  uncheckedRecords: 0,
  uncheckedMinutes: 0,
});

/** What happened, with the time that decides its Shanghai month. `delta` is +1 for a new fact, −1 for one undone. */
export type StatsFact =
  | { kind: 'volunteer'; at: number; town: string; delta: number }
  | { kind: 'brigade'; at: number; brigade: BrigadeRef; delta: number }
  | { kind: 'post'; at: number; brigade: BrigadeRef; category: string; delta: number }
  | ({ kind: 'service'; at: number; brigade: BrigadeRef; category: string } & ServiceCounts)
  | ({ kind: 'training'; at: number; brigade: BrigadeRef } & TrainingCounts & Partial<Honesty>)
  | { kind: 'source'; at: number; brigade: BrigadeRef; what: SourceWhat; source: string; delta: number };

export interface MonthChange {
  month: string;
  /** Dot path → amount, never 0. */
  inc: Record<string, number>;
  /** Dot path → label kept alongside the counters (brigade name and town). */
  set: Record<string, string>;
}

export const monthDocId = (month: string) => `month:${month}`;

/** A map key that is safe in a dot path (towns, categories and ids never contain these; this is a guard). */
export const key = (value: string) => value.replace(/[.$]/g, '_') || '_';

const brigadeBase = (b: BrigadeRef) => `byBrigade.${key(b.brigadeId)}`;

function pathsOf(fact: StatsFact): [Record<string, number>, Record<string, string>] {
  const inc: Record<string, number> = {};
  const set: Record<string, string> = {};
  const add = (path: string, n: number) => {
    if (n) inc[path] = (inc[path] ?? 0) + n;
  };
  const labelBrigade = (b: BrigadeRef) => {
    set[`${brigadeBase(b)}.name`] = b.name;
    set[`${brigadeBase(b)}.town`] = b.town;
  };
  const everywhere = (figure: Figure, n: number, town: string, brigade?: BrigadeRef, category?: string) => {
    add(`total.${figure}`, n);
    add(`byTown.${key(town)}.${figure}`, n);
    if (brigade) add(`${brigadeBase(brigade)}.${figure}`, n);
    if (category) add(`byCategory.${key(category)}.${figure}`, n);
    if (brigade && category) add(`${brigadeBase(brigade)}.byCategory.${key(category)}.${figure}`, n);
  };
  switch (fact.kind) {
    case 'volunteer':
      everywhere('volunteers', fact.delta, fact.town);
      break;
    case 'brigade':
      everywhere('brigades', fact.delta, fact.brigade.town, fact.brigade);
      labelBrigade(fact.brigade);
      break;
    case 'post':
      everywhere('posts', fact.delta, fact.brigade.town, fact.brigade, fact.category);
      labelBrigade(fact.brigade);
      break;
    case 'service':
      for (const figure of ['sessions', 'minutes', 'noShows', 'peopleServed'] as const) {
        everywhere(figure, fact[figure] ?? 0, fact.brigade.town, fact.brigade, fact.category);
      }
      for (const figure of HONESTY) add(`${brigadeBase(fact.brigade)}.${figure}`, fact[figure] ?? 0);
      labelBrigade(fact.brigade);
      break;
    case 'training':
      for (const figure of TRAINING_FIGURES) {
        const n = fact[figure] ?? 0;
        add(`total.${figure}`, n);
        add(`byTown.${key(fact.brigade.town)}.${figure}`, n);
        add(`${brigadeBase(fact.brigade)}.${figure}`, n);
      }
      for (const figure of HONESTY) add(`${brigadeBase(fact.brigade)}.${figure}`, fact[figure] ?? 0);
      labelBrigade(fact.brigade);
      break;
    case 'source': {
      const figure = sourceFigure(fact.what, fact.source);
      add(`total.${figure}`, fact.delta);
      add(`byTown.${key(fact.brigade.town)}.${figure}`, fact.delta);
      add(`${brigadeBase(fact.brigade)}.${figure}`, fact.delta);
      labelBrigade(fact.brigade);
      break;
    }
  }
  return [inc, set];
}

/** The facts as one change per month: amounts summed, zeros dropped, months with nothing left dropped. */
export function changesOf(facts: StatsFact[]): MonthChange[] {
  const byMonth = new Map<string, MonthChange>();
  for (const fact of facts) {
    const month = shanghaiMonth(fact.at);
    const change = byMonth.get(month) ?? { month, inc: {}, set: {} };
    byMonth.set(month, change);
    const [inc, set] = pathsOf(fact);
    for (const [path, n] of Object.entries(inc)) change.inc[path] = (change.inc[path] ?? 0) + n;
    Object.assign(change.set, set);
  }
  const out: MonthChange[] = [];
  for (const change of byMonth.values()) {
    for (const [path, n] of Object.entries(change.inc)) if (n === 0) delete change.inc[path];
    if (Object.keys(change.inc).length > 0) out.push(change);
  }
  return out.sort((a, b) => a.month.localeCompare(b.month));
}

/** Dot paths → the nested document they describe (to create a month document from its first change). */
export function expand(paths: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(paths)) {
    const parts = path.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]] = value;
  }
  return root;
}

/** The numeric leaves of a document as dot paths (the counters of a month document). */
export function flattenCounters(doc: Record<string, unknown>, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(doc)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'number') out[path] = v;
    else if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, flattenCounters(v as never, path));
  }
  return out;
}

/** The counter paths whose kept value differs from the recount (a missing path counts as 0). */
export function driftOf(kept: Record<string, number>, recounted: Record<string, number>) {
  const paths = new Set([...Object.keys(kept), ...Object.keys(recounted)]);
  const drift: { path: string; kept: number; recounted: number }[] = [];
  for (const path of [...paths].sort()) {
    const a = kept[path] ?? 0;
    const b = recounted[path] ?? 0;
    if (a !== b) drift.push({ path, kept: a, recounted: b });
  }
  return drift;
}

export const emptyFigures = (): Figures => ({
  volunteers: 0,
  brigades: 0,
  posts: 0,
  sessions: 0,
  minutes: 0,
  peopleServed: 0,
  noShows: 0,
});

/** Adds the figures of `from` (a partial counter map, as stored) into `into`. */
export function addFigures(into: Figures, from: Partial<Record<string, unknown>> | undefined): Figures {
  if (!from) return into;
  for (const f of FIGURES) {
    const n = from[f];
    if (typeof n === 'number') into[f] += n;
  }
  return into;
}

/** noShows / (sessions + noShows), 0–1; 0 when nothing was recorded. */
export const noShowRate = (f: Pick<Figures, 'sessions' | 'noShows'>) =>
  f.sessions + f.noShows > 0 ? f.noShows / (f.sessions + f.noShows) : 0;

export const isEmpty = (f: Figures) => FIGURES.every((k) => f[k] === 0);

/** A Shanghai month `YYYY-MM` as `[start, end)` in epoch ms (UTC+8 all year). */
export function monthRange(month: string): [number, number] {
  const [y, m] = month.split('-').map(Number);
  const offset = 8 * 3_600_000;
  return [Date.UTC(y, m - 1, 1) - offset, Date.UTC(y, m, 1) - offset];
}
