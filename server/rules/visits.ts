/**
 * When a planned service's visits happen (Asia/Shanghai, UTC+8 all year): from its frequency, weekday, slot,
 * duration and dates, the occurrences that start inside a rolling window. Pure: no clock, no database.
 */
import type { Slot } from '../../typings/data';
import type { PlanService } from '../../typings/needs';

/** How far ahead visits are scheduled. */
export const WINDOW_DAYS = 28;

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

/** Minutes after midnight each slot's visit starts. */
export const SLOT_START_MINUTES: Record<Slot, number> = { morning: 9 * 60, afternoon: 14 * 60 + 30, evening: 19 * 60 };

export type VisitRule = Pick<
  PlanService,
  'frequency' | 'weekday' | 'slot' | 'durationMinutes' | 'startDate' | 'endDate'
>;

export interface Occurrence {
  /** `YYYYMMDD` of the Shanghai calendar: with the plan and service, the visit's identity. */
  day: string;
  startAt: number;
  endAt: number;
}

/** A Shanghai calendar day as days since 1970-01-01. */
const dayOf = (ms: number) => Math.floor((ms + SHANGHAI_MS) / DAY_MS);
const weekdayOf = (day: number) => (day + 4) % 7;
const ymd = (day: number) => {
  const d = new Date(day * DAY_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth(), date: d.getUTCDate() };
};
const dayFrom = (y: number, m: number, date: number) => Math.floor(Date.UTC(y, m, date) / DAY_MS);
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();

/** The first day on or after `day` that falls on `weekday` (any day when absent). */
const onOrAfter = (day: number, weekday?: number) =>
  weekday === undefined ? day : day + ((weekday - weekdayOf(day) + 7) % 7);

/**
 * The day of the `n`-th month after `first`: the same ordinal weekday (the 5th Tuesday becomes the last Tuesday
 * of a shorter month), or without a weekday the same date (the 31st becomes the month's last day).
 */
function monthlyDay(first: number, n: number, weekday?: number): number {
  const { y, m, date } = ymd(first);
  const year = y + Math.floor((m + n) / 12);
  const month = (m + n) % 12;
  const last = daysInMonth(year, month);
  if (weekday === undefined) return dayFrom(year, month, Math.min(date, last));
  const ordinal = Math.floor((date - 1) / 7);
  const firstOfMonth = onOrAfter(dayFrom(year, month, 1), weekday);
  const lastOfMonth = dayFrom(year, month, last);
  let day = firstOfMonth + ordinal * 7;
  while (day > lastOfMonth) day -= 7;
  return day;
}

/** The service's days in order (the first on or after its start date), until `untilDay` inclusive. */
function days(rule: VisitRule, untilDay: number): number[] {
  const first = onOrAfter(dayOf(rule.startDate), rule.weekday);
  const last = rule.endDate === undefined ? untilDay : Math.min(untilDay, dayOf(rule.endDate));
  if (rule.frequency === 'once') return first <= last ? [first] : [];
  const out: number[] = [];
  for (let n = 0; ; n += 1) {
    const day =
      rule.frequency === 'monthly'
        ? monthlyDay(first, n, rule.weekday)
        : first + n * (rule.frequency === 'weekly' ? 7 : 14);
    if (day > last) return out;
    out.push(day);
  }
}

/** The visits that start after `now` and within the next WINDOW_DAYS days, soonest first. */
export function upcomingVisits(rule: VisitRule, now: number, windowDays = WINDOW_DAYS): Occurrence[] {
  const until = now + windowDays * DAY_MS;
  return days(rule, dayOf(until)).flatMap((day) => {
    const startAt = day * DAY_MS - SHANGHAI_MS + SLOT_START_MINUTES[rule.slot] * 60_000;
    if (startAt <= now || startAt > until) return [];
    const { y, m, date } = ymd(day);
    const label = `${y}${String(m + 1).padStart(2, '0')}${String(date).padStart(2, '0')}`;
    return [{ day: label, startAt, endAt: startAt + rule.durationMinutes * 60_000 }];
  });
}

/** A pairing and the visits of services: each accepted pair's soonest visit of its service (visits soonest first). */
export function nextOfPairs(
  pairs: { _id: string; serviceId: string; status: string }[],
  visits: { _id: string; serviceId?: string; startAt: number }[],
): Map<string, { at: number; postId: string }> {
  const soonest = new Map<string, { at: number; postId: string }>();
  for (const v of [...visits].sort((a, b) => a.startAt - b.startAt)) {
    if (v.serviceId && !soonest.has(v.serviceId)) soonest.set(v.serviceId, { at: v.startAt, postId: v._id });
  }
  const out = new Map<string, { at: number; postId: string }>();
  for (const pair of pairs) {
    const next = pair.status === 'accepted' ? soonest.get(pair.serviceId) : undefined;
    if (next) out.set(pair._id, next);
  }
  return out;
}
