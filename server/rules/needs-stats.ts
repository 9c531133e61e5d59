/**
 * Needs figures (供需配对), pure. Each counted fact (a recipient, a survey, a plan, a recipient's first visit) has
 * the counter paths it contributes to the one `needs` counter document, all under `byTown.<town>.`: the write that
 * changes the fact moves the counters by (new paths − paths counted before), and the nightly recount sums the same
 * paths over the facts, so the two can never disagree on a path.
 */
import type { NeedsFigures } from '../../typings/api/stats';
import { key } from './stats';
import { shanghaiMonth } from './time';

export type Counts = Record<string, number>;

const DAY = 86_400_000;
/** Days to a first visit beyond this are counted here (a histogram of bounded size). */
export const MAX_DAYS = 365;

const base = (town: string) => `byTown.${key(town)}`;

/** An active recipient counts once in their town and once per category. */
export function recipientCounts(r: { town: string; status: string; categories: string[] }): Counts {
  if (r.status !== 'active') return {};
  const out: Counts = { [`${base(r.town)}.recipients`]: 1 };
  for (const c of new Set(r.categories)) out[`${base(r.town)}.byCategory.${key(c)}`] = 1;
  return out;
}

/** A household surveyed, whatever became of the survey: in its town, and in the month it was surveyed. */
export const surveyCounts = (s: { town: string; surveyedAt: number }): Counts => ({
  [`${base(s.town)}.surveyed`]: 1,
  [`${base(s.town)}.surveyedIn.${shanghaiMonth(s.surveyedAt)}`]: 1,
});

/** A plan, open or closed; an open plan's services that are covered or still open (ended ones count nowhere). */
export function planCounts(p: { town: string; status: string; services: { status: string }[] }): Counts {
  const at = base(p.town);
  if (p.status !== 'open') return { [`${at}.plansClosed`]: 1 };
  const out: Counts = { [`${at}.plansOpen`]: 1 };
  for (const s of p.services) {
    if (s.status === 'covered') out[`${at}.servicesCovered`] = (out[`${at}.servicesCovered`] ?? 0) + 1;
    if (s.status === 'open') out[`${at}.servicesOpen`] = (out[`${at}.servicesOpen`] ?? 0) + 1;
  }
  return out;
}

/** Whole days from the survey to the first accepted pair (the stand-in for the first visit), 0–MAX_DAYS. */
export const daysBetween = (from: number, to: number) => Math.min(MAX_DAYS, Math.max(0, Math.floor((to - from) / DAY)));

export const firstVisitCounts = (town: string, days: number): Counts => ({
  [`${base(town)}.firstVisitDays.${days}`]: 1,
});

/**
 * A visit (a 探访记录 written on a plan), and whether its author was one of the plan's accepted carers then: the
 * continuity figure is the carers' share of the visits.
 */
export function visitCounts(town: string, byCarer: boolean): Counts {
  const out: Counts = { [`${base(town)}.visits`]: 1 };
  if (byCarer) out[`${base(town)}.carerVisits`] = 1;
  return out;
}

/** What the counters must move by when a fact's paths go from `before` to `after` (zeros dropped). */
export function deltaOf(before: Counts, after: Counts): Counts {
  const out: Counts = {};
  for (const path of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const n = (after[path] ?? 0) - (before[path] ?? 0);
    if (n !== 0) out[path] = n;
  }
  return out;
}

/** The sum of many facts' paths. */
export function sumCounts(all: Counts[]): Counts {
  const out: Counts = {};
  for (const counts of all) for (const [path, n] of Object.entries(counts)) out[path] = (out[path] ?? 0) + n;
  return out;
}

/** One town's slice of the counter document, as stored. */
export interface TownSlice {
  recipients?: number;
  byCategory?: Record<string, number>;
  surveyed?: number;
  surveyedIn?: Record<string, number>;
  plansOpen?: number;
  plansClosed?: number;
  servicesCovered?: number;
  servicesOpen?: number;
  firstVisitDays?: Record<string, number>;
  visits?: number;
  carerVisits?: number;
}

const num = (n: unknown) => (typeof n === 'number' ? n : 0);

function addMap(into: Record<string, number>, from: Record<string, number> | undefined) {
  for (const [k, n] of Object.entries(from ?? {})) into[k] = (into[k] ?? 0) + num(n);
}

const SUMMED = [
  'recipients',
  'surveyed',
  'plansOpen',
  'plansClosed',
  'servicesCovered',
  'servicesOpen',
  'visits',
  'carerVisits',
] as const;

/** Several towns' slices as one (for the city). */
export function mergeSlices(slices: TownSlice[]): TownSlice {
  const out: Required<TownSlice> = {
    recipients: 0,
    byCategory: {},
    surveyed: 0,
    surveyedIn: {},
    plansOpen: 0,
    plansClosed: 0,
    servicesCovered: 0,
    servicesOpen: 0,
    firstVisitDays: {},
    visits: 0,
    carerVisits: 0,
  };
  for (const s of slices) {
    for (const f of SUMMED) out[f] += num(s[f]);
    addMap(out.byCategory, s.byCategory);
    addMap(out.surveyedIn, s.surveyedIn);
    addMap(out.firstVisitDays, s.firstVisitDays);
  }
  return out;
}

/** The median of a histogram `days → how many` (the lower middle for an even count); undefined when empty. */
export function medianOf(histogram: Record<string, number>): number | undefined {
  const bins = Object.entries(histogram)
    .map(([d, n]) => [Number(d), num(n)] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = bins.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return undefined;
  let seen = 0;
  for (const [d, n] of bins) {
    seen += n;
    if (seen * 2 >= total) return d;
  }
  return undefined;
}

/**
 * A slice as the figures shown. Households surveyed count in the period's months (`YYYY-MM`, inclusive) when one
 * is given; the rest is the state now.
 */
export function needsFiguresOf(s: TownSlice, from?: string, to?: string): NeedsFigures {
  const surveyed =
    from || to
      ? Object.entries(s.surveyedIn ?? {})
          .filter(([m]) => (!from || m >= from) && (!to || m <= to))
          .reduce((sum, [, n]) => sum + num(n), 0)
      : num(s.surveyed);
  const median = medianOf(s.firstVisitDays ?? {});
  return {
    recipients: num(s.recipients),
    byCategory: Object.entries(s.byCategory ?? {})
      .filter(([, n]) => num(n) > 0)
      .map(([category, n]) => ({ category, recipients: num(n) }))
      .sort((a, b) => b.recipients - a.recipients || (a.category < b.category ? -1 : 1)),
    surveyed,
    plansOpen: num(s.plansOpen),
    plansClosed: num(s.plansClosed),
    servicesCovered: num(s.servicesCovered),
    servicesOpen: num(s.servicesOpen),
    ...(median !== undefined ? { medianDaysToFirstVisit: median } : {}),
    ...(num(s.visits) > 0 ? { continuity: num(s.carerVisits) / num(s.visits) } : {}),
  };
}
