/**
 * Pure: the month counter documents of a period summed into the figures hq and leaders see. Rankings (towns,
 * brigades, categories) are ordered by minutes, then sessions, posts and volunteers, most first, ties by name; rows
 * with nothing in them are left out.
 * Months run oldest first without gaps between the first and the last month that has a document.
 */
import type { BrigadeStatsResponse, OverviewResponse } from '../../typings/api/stats';
import type { CounterMap, MonthDoc } from '../repos/stats';
import {
  HONESTY,
  addFigures,
  emptyFigures,
  emptyHonesty,
  isEmpty,
  key,
  noShowRate,
  type Figures,
  type Honesty,
} from '../rules/stats';

type CategoryRow = OverviewResponse['byCategory'][number];
type Summary = Omit<OverviewResponse, 'activeVolunteers' | 'needs' | 'training' | 'wishes' | 'sources'>;

const byActivity = (a: Figures, b: Figures) =>
  b.minutes - a.minutes || b.sessions - a.sessions || b.posts - a.posts || b.volunteers - a.volunteers;

/** Most active first; ties by name, so the order never depends on how the documents were written. */
const ranked = <T>(entries: [string, T][], figures: (t: T) => Figures) =>
  entries
    .filter(([, t]) => !isEmpty(figures(t)))
    .sort(([an, a], [bn, b]) => byActivity(figures(a), figures(b)) || (an < bn ? -1 : an > bn ? 1 : 0));

/** `YYYY-MM` → the next month. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from `first` to `last` inclusive (at most 1200). */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last && out.length < 1200; m = nextMonth(m)) out.push(m);
  return out;
}

function sumInto(target: Map<string, Figures>, name: string, counters: CounterMap | undefined): void {
  if (!counters) return;
  target.set(name, addFigures(target.get(name) ?? emptyFigures(), counters));
}

const categoryRow = (category: string, f: Figures): CategoryRow => ({
  category,
  posts: f.posts,
  sessions: f.sessions,
  minutes: f.minutes,
  peopleServed: f.peopleServed,
});

function byMonthOf(docs: MonthDoc[], pick: (doc: MonthDoc) => CounterMap | undefined) {
  if (docs.length === 0) return [];
  const kept = new Map(docs.map((d) => [d.period, addFigures(emptyFigures(), pick(d))]));
  return monthsBetween(docs[0].period, docs[docs.length - 1].period).map((month) => ({
    month,
    ...(kept.get(month) ?? emptyFigures()),
  }));
}

interface BrigadeTotals {
  figures: Figures;
  name: string;
  town: string;
  categories: Map<string, Figures>;
}

/** Every brigade's figures over the documents, with its latest name and town. */
function brigadesOf(docs: MonthDoc[]): Map<string, BrigadeTotals> {
  const out = new Map<string, BrigadeTotals>();
  for (const doc of docs) {
    for (const [brigadeId, slice] of Object.entries(doc.byBrigade ?? {})) {
      const row = out.get(brigadeId) ?? { figures: emptyFigures(), name: '', town: '', categories: new Map() };
      addFigures(row.figures, slice);
      if (typeof slice.name === 'string') row.name = slice.name;
      if (typeof slice.town === 'string') row.town = slice.town;
      for (const [category, counters] of Object.entries(slice.byCategory ?? {})) {
        sumInto(row.categories, category, counters);
      }
      out.set(brigadeId, row);
    }
  }
  return out;
}

const categoryRows = (categories: Map<string, Figures>) =>
  ranked([...categories.entries()], (f) => f).map(([category, f]) => categoryRow(category, f));

/** The overview of the documents, for every town or only one. */
export function summarize(docs: MonthDoc[], town?: string): Summary {
  const brigades = [...brigadesOf(docs).entries()].filter(([, b]) => !town || b.town === town);
  const towns = new Map<string, Figures>();
  const categories = new Map<string, Figures>();
  const total = emptyFigures();
  if (town) {
    const townKey = key(town);
    for (const doc of docs) {
      addFigures(total, doc.byTown?.[townKey]);
      sumInto(towns, town, doc.byTown?.[townKey]);
    }
    for (const [, b] of brigades) for (const [c, f] of b.categories) sumInto(categories, c, f);
  } else {
    for (const doc of docs) {
      addFigures(total, doc.total);
      for (const [name, counters] of Object.entries(doc.byTown ?? {})) sumInto(towns, name, counters);
      for (const [name, counters] of Object.entries(doc.byCategory ?? {})) sumInto(categories, name, counters);
    }
  }
  return {
    ...total,
    noShowRate: noShowRate(total),
    byTown: ranked([...towns.entries()], (f) => f).map(([name, f]) => ({ town: name, ...f })),
    byBrigade: ranked(brigades, (b) => b.figures).map(([brigadeId, b]) => ({
      brigadeId,
      name: b.name,
      town: b.town,
      ...b.figures,
    })),
    byMonth: byMonthOf(docs, (d) => (town ? d.byTown?.[key(town)] : d.total)),
    byCategory: categoryRows(categories),
  };
}

/** The brigade's honesty figures (beyond the post's length, without a check-in) summed over the documents. */
function honestyOf(docs: MonthDoc[], brigadeKey: string): Honesty {
  const out = emptyHonesty();
  for (const doc of docs) {
    const slice = doc.byBrigade?.[brigadeKey];
    for (const k of HONESTY) {
      const n = slice?.[k];
      if (typeof n === 'number') out[k] += n;
    }
  }
  return out;
}

/** One brigade's figures over the documents (members come from the brigade itself). */
export function summarizeBrigade(
  docs: MonthDoc[],
  brigade: { brigadeId: string; name: string; members: number },
): Omit<BrigadeStatsResponse, 'training' | 'sources'> {
  const row = brigadesOf(docs).get(key(brigade.brigadeId));
  const f = row?.figures ?? emptyFigures();
  return {
    brigadeId: brigade.brigadeId,
    name: brigade.name,
    members: brigade.members,
    posts: f.posts,
    sessions: f.sessions,
    minutes: f.minutes,
    peopleServed: f.peopleServed,
    noShows: f.noShows,
    noShowRate: noShowRate(f),
    ...honestyOf(docs, key(brigade.brigadeId)),
    byMonth: byMonthOf(docs, (d) => d.byBrigade?.[key(brigade.brigadeId)]),
    byCategory: categoryRows(row?.categories ?? new Map()),
  };
}
