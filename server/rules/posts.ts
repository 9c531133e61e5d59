/** Pure rules of recruitment and attendance: time windows, overlap minutes, check-in codes, weekly series. */
import { createHmac } from 'node:crypto';
import { centralAngle } from './geo';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** Check-in opens this long before the start and closes at the end. */
export const CHECKIN_OPENS_BEFORE = 30 * MINUTE;
/** Check-out stays open this long after the end (later, the leader records the minutes). */
export const CHECKOUT_CLOSES_AFTER = 4 * HOUR;
/** A check-in code changes every minute; the previous minute's code is still accepted (the screen may lag). */
export const CODE_WINDOW = MINUTE;
export const MAX_DURATION = 24 * HOUR;

export type TimeProblem = { field: 'startAt' | 'endAt' | 'signupDeadline'; message: string } | undefined;

export function checkTimes(startAt: number, endAt: number, signupDeadline: number, now: number): TimeProblem {
  if (startAt <= now) return { field: 'startAt', message: '开始时间需晚于现在' };
  if (endAt <= startAt) return { field: 'endAt', message: '结束时间需晚于开始时间' };
  if (endAt - startAt > MAX_DURATION) return { field: 'endAt', message: '单次服务不能超过 24 小时' };
  if (signupDeadline > startAt) return { field: 'signupDeadline', message: '报名截止时间不能晚于开始时间' };
  if (signupDeadline <= now) return { field: 'signupDeadline', message: '报名截止时间需晚于现在' };
  return undefined;
}

/** Whole minutes of [from, to) that fall inside [startAt, endAt). */
export function overlapMinutes(from: number, to: number, startAt: number, endAt: number): number {
  return Math.max(0, Math.floor((Math.min(to, endAt) - Math.max(from, startAt)) / MINUTE));
}

/**
 * Sign-up is open until the deadline, exclusive: at its exact millisecond it is closed, as withdrawal is at
 * the start (the deadline defaults to the start, SPEC "Recruitment and sign-up").
 */
export const signupOpen = (now: number, signupDeadline: number) => now < signupDeadline;

export const checkinOpen = (now: number, startAt: number, endAt: number) =>
  now >= startAt - CHECKIN_OPENS_BEFORE && now <= endAt;

function codeFor(key: Buffer, postId: string, window: number): string {
  const digest = createHmac('sha256', key).update(`${postId}:${window}`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/** The post's current 6-digit check-in code and when it stops being shown. */
export function checkinCode(key: Buffer, postId: string, now: number): { code: string; expiresAt: number } {
  const window = Math.floor(now / CODE_WINDOW);
  return { code: codeFor(key, postId, window), expiresAt: (window + 1) * CODE_WINDOW };
}

export function verifyCheckinCode(key: Buffer, postId: string, code: string, now: number): boolean {
  const window = Math.floor(now / CODE_WINDOW);
  return code === codeFor(key, postId, window) || code === codeFor(key, postId, window - 1);
}

/** The start times of a weekly series: the same weekday and time for `weeks` weeks (UTC+8 has no DST). */
export const weeklyStarts = (startAt: number, weeks: number) =>
  Array.from({ length: weeks }, (_, i) => startAt + i * WEEK);

/** The required specialties the volunteer lacks, or [] when they have one of them (or none is required). */
export function missingSpecialties(required: string[], has: string[]): string[] {
  if (required.length === 0 || required.some((s) => has.includes(s))) return [];
  return required;
}

/** Great-circle distance in metres (earth radius 6 378 100 m, as the database's geo operators use). */
export function distanceMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  return Math.round(6378100 * centralAngle(lat1, lng1, lat2, lng2));
}
