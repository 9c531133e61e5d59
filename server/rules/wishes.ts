/**
 * Pure rules of wishes (微心愿): how long a wish stays on the wall and how long a claimer has to fulfil it, which
 * status moves are allowed, what a claimer may see of whom, and how each status counts on the public board.
 */
import type { WishStatus } from '../../typings/resources';
import { surnameOf } from './display-name';

const DAY = 24 * 3_600_000;

/** A published wish stays on the wall this long, unclaimed. */
export const WALL_DAYS = 30;
/** A claimer has this long to fulfil (photos), else the wish goes back to the wall once, then expires. */
export const FULFIL_DAYS = 14;
/** Open claims (claimed, not yet fulfilled) one person may hold at once. */
export const MAX_OPEN_CLAIMS = 3;
/** Estimated value, whole yuan. */
export const VALUE_MIN = 1;
export const VALUE_MAX = 100_000;
/** Completion photos per fulfilment. */
export const PHOTOS_MIN = 1;
export const PHOTOS_MAX = 6;

export const expiresAtFrom = (publishedAt: number) => publishedAt + WALL_DAYS * DAY;
export const fulfilByFrom = (claimedAt: number) => claimedAt + FULFIL_DAYS * DAY;

/** The poster may edit a wish only before hq published it (or after hq sent it back). */
export const EDITABLE: WishStatus[] = ['pending', 'rejected'];

/** Days left until `deadline`, counted up (a wish due in 3 hours has 1 day left); 0 once past. */
export const daysLeft = (deadline: number, now: number) => Math.max(0, Math.ceil((deadline - now) / DAY));

/** What happens to a claimed wish past `fulfilBy`: back to the wall the first time, expired the second time. */
export const overdueClaim = (returnedOnce: boolean): 'returned' | 'expired' => (returnedOnce ? 'expired' : 'returned');

/** A person claimer as others see them: the surname and two stars (张**). */
export const maskedPerson = (name: string) => `${surnameOf(name)}**`;

/** A donor claimer as others see it: its name only with its consent. */
export const donorShown = (name: string, publicThanks: boolean) => (publicThanks ? name : '爱心企业');

export interface BoardFigures {
  asked: number;
  claimed: number;
  fulfilled: number;
}

/**
 * How one wish in `status` counts on the board: asked once it reached the wall, claimed while held or done,
 * fulfilled once the photos are in (fulfilled and closed).
 */
export function boardFigures(status: WishStatus | undefined): BoardFigures {
  const asked = status === 'published' || status === 'claimed' || status === 'fulfilled' || status === 'closed';
  const wasOnWall = asked || status === 'expired';
  const claimed = status === 'claimed' || status === 'fulfilled' || status === 'closed';
  const fulfilled = status === 'fulfilled' || status === 'closed';
  return { asked: wasOnWall ? 1 : 0, claimed: claimed ? 1 : 0, fulfilled: fulfilled ? 1 : 0 };
}

/** How the board moves when a wish goes from `from` to `to` (only the figures that change). */
export function boardDelta(from: WishStatus | undefined, to: WishStatus): Partial<BoardFigures> {
  const a = boardFigures(from);
  const b = boardFigures(to);
  const delta: Partial<BoardFigures> = {};
  for (const k of ['asked', 'claimed', 'fulfilled'] as const) if (b[k] !== a[k]) delta[k] = b[k] - a[k];
  return delta;
}
