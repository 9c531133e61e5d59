/**
 * Pure rules of the outbox: keys, when a reminder is due, what a send error means, retry backoff, and the
 * template data of each message (WeChat's limits: `thing` ≤ 20 characters, `phrase` ≤ 5 Chinese characters).
 */
import { shanghai, shanghaiLabel } from './time';

export type MessageKind = 'reminder' | NoticeKind;
/**
 * pending → sending (claimed by one run, under a lease) → inflight (its send is being made) → sent, or pending again
 * (a transient error), unsubscribed, failed, skipped. `inflight` whose lease ran out ends `failed` (interrupted).
 */
export type OutboxStatus = 'pending' | 'sending' | 'inflight' | 'sent' | 'skipped' | 'unsubscribed' | 'failed';

/** What happened, as the notice template's `phrase2` says it. */
export const NOTICE_PHRASES = {
  cancelled: '已取消',
  promoted: '已转正',
  approved: '已通过',
  offered: '结对邀请',
  ended: '服务结束',
  wishFulfilled: '请确认',
  wishThanks: '收到感谢',
  wishReturned: '认领超时',
  wishExpired: '已过期',
  delivered: '已完成',
} as const;
export type NoticeKind = keyof typeof NOTICE_PHRASES;

export type TemplateData = Record<string, { value: string }>;

/** Sends tried at most this many times in all (transient errors only are retried). */
export const MAX_ATTEMPTS = 5;
/** A claim lasts this long: longer than the function's timeout, so a live run never loses its messages. */
export const LEASE_MS = 3 * 60_000;
/** The reminders function's timeout (deploy/functions.ts, checked by the reminders tests). */
export const REMINDERS_TIMEOUT_MS = 60_000;
/**
 * A timer run claims no new batch once this much of its time is spent (less when its slowest batch so far would
 * not finish inside it): the other third of the timeout is the margin for the batch in flight.
 */
export const RUN_BUDGET_MS = 40_000;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_MAX_MS = 30 * 60_000;

export const signupSubject = (signupId: string) => `signup:${signupId}`;
export const membershipSubject = (membershipId: string) => `membership:${membershipId}`;
/** A grant: one per (subject, template). */
export const grantId = (subject: string, templateId: string) => `${subject}|${templateId}`;
/** An outbox message: one per (sign-up or event, template). */
export const messageKey = (kind: MessageKind, subject: string, templateId: string) =>
  `${kind}:${subject}|${templateId}`;

export const THING_MAX = 20;

/** A `thing` value: trimmed, one line, at most 20 characters (cut with an ellipsis), never empty. */
export function thing(text: string | undefined, fallback = '—'): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  const chars = [...clean];
  if (chars.length === 0) return fallback;
  return chars.length <= THING_MAX ? clean : `${chars.slice(0, THING_MAX - 1).join('')}…`;
}

/** A `time` value in Asia/Shanghai, e.g. `2026年11月29日 09:00`. */
export const timeValue = (ms: number): string => shanghai(ms).format('YYYY年M月D日 HH:mm');

export const postPage = (postId: string) => `pages/post/index?postId=${encodeURIComponent(postId)}`;
export const brigadePage = (brigadeId: string) => `pages/brigade/index?brigadeId=${encodeURIComponent(brigadeId)}`;

/** When a post's reminder is due: `lead` minutes before the start. */
export const reminderDueAt = (startAt: number, leadMinutes: number) => startAt - leadMinutes * 60_000;

export interface ReminderPost {
  title: string;
  address: string;
  brigadeName: string;
  startAt: number;
}

export function reminderData(post: ReminderPost): TemplateData {
  return {
    thing1: { value: thing(post.title) },
    time2: { value: timeValue(post.startAt) },
    thing3: { value: thing(post.address) },
    thing4: { value: thing(post.brigadeName) },
  };
}

export function noticeData(kind: NoticeKind, subjectTitle: string, note: string): TemplateData {
  return {
    thing1: { value: thing(subjectTitle) },
    phrase2: { value: NOTICE_PHRASES[kind] },
    thing3: { value: thing(note) },
  };
}

/** The note of each notice: the leader's reason for a cancellation, what to do next otherwise. */
export const cancelledNote = (reason: string) => thing(reason, '负责人取消了本次服务');
export const promotedNote = (startAt: number) => thing(`请于${shanghaiLabel(startAt)}准时参加`);
export const approvedNote = () => '欢迎加入，可以报名大队的服务了';

export interface ReminderState {
  signupStatus?: string;
  postStatus?: string;
  startAt?: number;
}

export type ReminderDecision = { send: true } | { skip: string } | { reschedule: number };

/**
 * Whether a claimed reminder goes out now: only for a confirmed sign-up of a published post that has not
 * started; one whose post moved later waits for its new due time.
 */
export function decideReminder(s: ReminderState, now: number, leadMinutes: number): ReminderDecision {
  if (s.postStatus === undefined || s.startAt === undefined) return { skip: 'post-missing' };
  if (s.postStatus !== 'published') return { skip: `post-${s.postStatus}` };
  if (s.signupStatus === undefined) return { skip: 'signup-missing' };
  if (s.signupStatus !== 'confirmed') return { skip: `signup-${s.signupStatus}` };
  if (now >= s.startAt) return { skip: 'started' };
  const due = reminderDueAt(s.startAt, leadMinutes);
  if (now < due) return { reschedule: due };
  return { send: true };
}

/** 43101: not subscribed, or the one-time subscription is used up. Recorded, never retried. */
export const NOT_SUBSCRIBED = 43101;
/** Errors of the request itself (bad openid, template, page, data): retrying cannot help. */
const PERMANENT = new Set([40003, 40037, 41030, 47003, 43101, 43104, 40036]);

export type SendOutcome =
  { status: 'sent' } | { status: 'unsubscribed' | 'failed' } | { status: 'pending'; retryAt: number };

/** What a send's result means for the message after `attempt` sends (1-based). */
export function outcomeOf(errcode: number, attempt: number, now: number): SendOutcome {
  if (errcode === 0) return { status: 'sent' };
  if (errcode === NOT_SUBSCRIBED) return { status: 'unsubscribed' };
  if (PERMANENT.has(errcode) || attempt >= MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', retryAt: now + backoffMs(attempt) };
}

/** 1 min, 2 min, 4 min … at most 30 min after the `attempt`-th failure. */
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
}
