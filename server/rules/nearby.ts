/**
 * The volunteer's side, pure: the order of 我的结对 (offers waiting first, ended last) and of 附近需求 (nearest first
 * when distances are known, else the caller's own community first, then the most urgent and most recent).
 */
import type { AssignmentStatus } from '../../typings/needs';

const MINE_RANK: Partial<Record<AssignmentStatus, number>> = { offered: 0, volunteered: 1, accepted: 2, ended: 3 };

/** Whether a pair shows in 我的结对 at `now`: not declined or expired (an offer past its expiry counts as expired). */
export function showsInMine(pair: { status: AssignmentStatus; expiresAt?: number }, now: number): boolean {
  if (MINE_RANK[pair.status] === undefined) return false;
  return pair.status !== 'offered' || (pair.expiresAt ?? 0) > now;
}

export function byMineOrder<T extends { status: AssignmentStatus; updatedAt: number }>(pairs: T[]): T[] {
  const rankOf = (s: AssignmentStatus) => MINE_RANK[s] ?? 9;
  return [...pairs].sort((a, b) => rankOf(a.status) - rankOf(b.status) || b.updatedAt - a.updatedAt);
}

export interface NearbyFacts {
  distanceKm?: number;
  sameCommunity: boolean;
  updatedAt: number;
}

export function byNearness<T extends NearbyFacts>(items: T[]): T[] {
  return [...items].sort(
    (a, b) =>
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
      Number(b.sameCommunity) - Number(a.sameCommunity) ||
      b.updatedAt - a.updatedAt,
  );
}

/** An offset cursor over a list read whole (bounded); INVALID input is the caller's to report. */
export function offsetOf(cursor: string | undefined): number | undefined {
  if (!cursor) return 0;
  const n = Number(cursor);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}
