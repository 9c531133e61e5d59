/**
 * View helpers shared by the statistics pages (总队数据 in the hq subpackage, 大队数据 in the leader subpackage):
 * the period filter as a `from`/`to` request, the month series for <bar-chart>, and figure formatting.
 * They live in the main package beside the chart because one subpackage cannot load another's modules.
 */
import type { BarItem } from '../components/bar-chart/options';
import { hoursOf } from '../typings/display';

const SHANGHAI_MS = 8 * 3_600_000;
/** At most this many months are charted (the latest ones); more bars stop being legible on a phone. */
export const CHART_MONTHS = 12;

export type PeriodKey = 'month' | 'quarter' | 'year' | 'all' | 'custom';

export const PERIODS: { value: PeriodKey; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'month', label: '本月' },
  { value: 'quarter', label: '近3个月' },
  { value: 'year', label: '今年' },
  { value: 'custom', label: '自定义' },
];

/** A Shanghai calendar month, January = 0 (may run past 11 or below 0; Date.UTC normalises). */
interface Month {
  year: number;
  month: number;
}

function monthOf(ms: number): Month {
  const d = new Date(ms + SHANGHAI_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() };
}

/** Epoch ms of the first instant of a Shanghai month. */
function monthStart({ year, month }: Month): number {
  return Date.UTC(year, month, 1) - SHANGHAI_MS;
}

function monthEnd({ year, month }: Month): number {
  return monthStart({ year, month: month + 1 }) - 1;
}

/** `YYYY-MM` of a Shanghai month. */
export function monthKey(ms: number): string {
  const { year, month } = monthOf(ms);
  return `${year}-${String(month + 1).padStart(2, '0')}`;
}

function parseKey(key: string): Month {
  const [year, month] = key.split('-').map(Number);
  return { year, month: month - 1 };
}

/** The request's `from`/`to` (epoch ms, inclusive) for a period; `{}` for all time. */
export function periodRange(
  period: PeriodKey,
  now: number,
  custom: { from: string; to: string } = { from: '', to: '' },
): { from?: number; to?: number } {
  const { year, month } = monthOf(now);
  switch (period) {
    case 'month':
      return { from: monthStart({ year, month }), to: monthEnd({ year, month }) };
    case 'quarter':
      return { from: monthStart({ year, month: month - 2 }), to: monthEnd({ year, month }) };
    case 'year':
      return { from: monthStart({ year, month: 0 }), to: monthEnd({ year, month: 11 }) };
    case 'custom': {
      if (!custom.from || !custom.to) return {};
      const [first, last] = custom.from <= custom.to ? [custom.from, custom.to] : [custom.to, custom.from];
      return { from: monthStart(parseKey(first)), to: monthEnd(parseKey(last)) };
    }
    default:
      return {};
  }
}

/** Integer minutes as hours with one decimal: the contract's one rule (`hoursOf`) under the statistics pages' name. */
export { hoursOf as hoursText };

/** A 0–1 rate as a percentage with one decimal: 1/3 → `33.3%`. */
export function percentText(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/**
 * Hours per month for the chart: every month from the period's first (or the data's first) to its last (not past
 * the current month), gaps as 0, the latest CHART_MONTHS of them. Labels are `3月`, or `24年3月` when the months
 * shown span more than one year.
 */
export function monthBars(
  byMonth: { month: string; minutes: number }[],
  range: { from?: number; to?: number },
  now: number,
): BarItem[] {
  const minutes = new Map(byMonth.map((m) => [m.month, m.minutes]));
  const keys = [...minutes.keys()].sort();
  const current = monthKey(now);
  const first = range.from !== undefined ? monthKey(range.from) : (keys[0] ?? current);
  let last = range.to !== undefined ? monthKey(range.to) : current;
  if (last > current) last = current; // the rest of the year has not happened yet
  const lastData = keys[keys.length - 1];
  if (lastData && lastData > last) last = lastData; // posts scheduled ahead count in their month
  if (last < first) last = first;

  const months: string[] = [];
  const start = parseKey(first);
  for (let i = 0; months.length < 1200; i++) {
    const key = monthKey(monthStart({ year: start.year, month: start.month + i }));
    months.push(key);
    if (key >= last) break;
  }
  const shown = months.slice(-CHART_MONTHS);
  const oneYear = shown[0].slice(0, 4) === shown[shown.length - 1].slice(0, 4);
  return shown.map((key) => {
    const { year, month } = parseKey(key);
    const label = oneYear ? `${month + 1}月` : `${String(year).slice(2)}年${month + 1}月`;
    return { label, value: Math.round(((minutes.get(key) ?? 0) / 60) * 10) / 10 };
  });
}

/** One row of a ranking, ready to show. */
export interface RankRow {
  rank: number;
  key: string;
  name: string;
  note: string;
  hours: string;
  sessions: number;
  peopleServed: number;
  /** Share of the leader's hours, 0–100, for the row's bar. */
  share: number;
}

/** Rows sorted by minutes served (then sessions, then name), ranked from 1. */
export function ranking<T extends { minutes: number; sessions: number; peopleServed: number }>(
  rows: T[],
  describe: (row: T) => { key: string; name: string; note: string },
): RankRow[] {
  const sorted = [...rows].sort(
    (a, b) => b.minutes - a.minutes || b.sessions - a.sessions || describe(a).name.localeCompare(describe(b).name),
  );
  const top = sorted[0]?.minutes ?? 0;
  return sorted.map((row, i) => ({
    rank: i + 1,
    ...describe(row),
    hours: hoursOf(row.minutes),
    sessions: row.sessions,
    peopleServed: row.peopleServed,
    share: top ? Math.round((row.minutes / top) * 100) : 0,
  }));
}
