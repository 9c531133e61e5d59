/**
 * Star levels (星级), pure: cumulative confirmed service hours, registered tenure (Shanghai calendar months from
 * registration) and the average quality rating. The thresholds are data; everything else reads them from here.
 */
import { shanghai } from './time';

export interface StarThreshold {
  level: number;
  /** Cumulative confirmed service minutes. */
  minutes: number;
  /** Whole Shanghai calendar months since registration. */
  tenureMonths: number;
  /** Lowest average quality rating (1–5). */
  rating: number;
}

export const STAR_THRESHOLDS: readonly StarThreshold[] = [
  { level: 1, minutes: 100 * 60, tenureMonths: 6, rating: 3.0 },
  { level: 2, minutes: 300 * 60, tenureMonths: 6, rating: 3.0 },
  { level: 3, minutes: 600 * 60, tenureMonths: 12, rating: 3.0 },
  { level: 4, minutes: 1000 * 60, tenureMonths: 12, rating: 3.0 },
  { level: 5, minutes: 1500 * 60, tenureMonths: 24, rating: 3.0 },
];

const DAY = 86_400_000;

/** What the levels are computed from (the counters kept on the volunteer). */
export interface StarFacts {
  earnedMinutes: number;
  ratingSum: number;
  ratingCount: number;
  registeredAt: number;
}

/** The moment the tenure of `months` is reached: the same Shanghai calendar day `months` later (clamped to month end). */
export const tenureReachedAt = (registeredAt: number, months: number): number =>
  shanghai(registeredAt).add(months, 'month').valueOf();

/** Average rating rounded to two decimals, or undefined before the first rating. */
export const averageRating = (f: Pick<StarFacts, 'ratingSum' | 'ratingCount'>): number | undefined =>
  f.ratingCount > 0 ? Math.round((f.ratingSum / f.ratingCount) * 100) / 100 : undefined;

/** Compared in integers (sum ≥ threshold × count), so 2.99… never rounds up to 3.0. */
const ratingMet = (f: StarFacts, rating: number) =>
  f.ratingCount > 0 && f.ratingSum * 100 >= Math.round(rating * 100) * f.ratingCount;

export function meets(t: StarThreshold, f: StarFacts, now: number): boolean {
  return (
    f.earnedMinutes >= t.minutes && now >= tenureReachedAt(f.registeredAt, t.tenureMonths) && ratingMet(f, t.rating)
  );
}

/** The level held: the highest level whose every condition (and every lower level's) is met; 0 for none. */
export function starLevel(f: StarFacts, now: number): number {
  let level = 0;
  for (const t of STAR_THRESHOLDS) {
    if (!meets(t, f, now)) break;
    level = t.level;
  }
  return level;
}

export interface NextLevel {
  level: number;
  /** Still missing (0 when met). */
  minutesNeeded: number;
  /** Still missing, in whole days rounded up (0 when met). */
  tenureNeededDays: number;
  /** The threshold. */
  ratingNeeded: number;
}

/** What is missing for the level above the one held; undefined at the top. */
export function nextLevel(f: StarFacts, now: number): NextLevel | undefined {
  const held = starLevel(f, now);
  const t = STAR_THRESHOLDS.find((s) => s.level === held + 1);
  if (!t) return undefined;
  const reachedAt = tenureReachedAt(f.registeredAt, t.tenureMonths);
  return {
    level: t.level,
    minutesNeeded: Math.max(0, t.minutes - f.earnedMinutes),
    tenureNeededDays: now >= reachedAt ? 0 : Math.ceil((reachedAt - now) / DAY),
    ratingNeeded: t.rating,
  };
}
