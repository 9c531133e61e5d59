/**
 * How many wrong check-in (or check-out) codes a volunteer may try on one post.
 *
 * The arithmetic: a code has 10^6 values and at most 2 are accepted at any moment (this minute's and the last
 * one's), so one guess hits with p ≤ 2×10^-6. A code lives at most 2 minutes; with 5 wrong guesses per fixed
 * 10-minute window (at most 10 when its life straddles two windows) a guess at a live code within its life
 * succeeds with p ≤ 10 × 2×10^-6 = 2×10^-5. Over everything a post allows — codes are taken from 30 minutes
 * before the start to 4 hours after the end, so at most 24.5 h + 4 h = 28.5 h = 171 windows for the longest
 * (24-hour) post — that is at most 855 guesses, p ≤ 1.7×10^-3 for that post and ≤ 3.9×10^-4 for a typical
 * 2-hour one (6.5 h, 195 guesses), against certainty before (1,000 guesses in 4 s). A person who mistypes gets 5
 * tries and waits at most 10 minutes; the leader can still record the service by hand.
 */
import { MINUTE } from './posts';

export const CODE_MISS_LIMIT = 5;
export const CODE_MISS_WINDOW = 10 * MINUTE;

export const TOO_MANY_MISSES = `签到码错误次数过多，请 ${CODE_MISS_WINDOW / MINUTE} 分钟后再试`;

/** The start of the fixed window `now` falls in. */
export const missWindowOf = (now: number): number => Math.floor(now / CODE_MISS_WINDOW) * CODE_MISS_WINDOW;
