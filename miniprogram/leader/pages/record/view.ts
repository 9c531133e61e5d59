/** 服务录入 rows: each confirmed attendee with the default minutes from check-in/out, editable before submitting. */
import type { RecordEntry, RosterEntry } from '../../../typings/index';
import { shanghai } from '../../../utils/time';

/** What a recorded attendee holds, as the roster says. */
export type RecordedState = NonNullable<RosterEntry['record']>;

export type RosterWithRecord = RosterEntry;

export interface RecordRow {
  volunteerId: string;
  name: string;
  cardNo: string;
  /** `09:10 签到 · 10:10 签退`, `09:10 签到（未签退）` or `未签到`. */
  attendance: string;
  defaultMinutes: number;
  minutes: number;
  rating: number;
  absent: boolean;
  /** Whether the volunteer checked in; without it (or beyond the post's length) a reason is required. */
  checkedIn: boolean;
  /** The post's length in minutes. */
  capMinutes: number;
  /** Whether the service has started: before it nothing is recorded, so no reason is asked. */
  started: boolean;
  reason: string;
  /** Shown: minutes beyond the post's length, or no check-in. */
  needsReason: boolean;
  /** Set once recorded: `已录入 · 60 分钟 · 评分 5` or `已录入 · 缺席`. */
  recorded: string;
}

const MINUTE = 60_000;
const hhmm = (ms: number) => shanghai(ms).format('HH:mm');

/** The checked-in overlap with the post's time, in whole minutes; until the end when not checked out; 0 without. */
export function defaultMinutes(entry: RosterEntry, startAt: number, endAt: number): number {
  if (!entry.checkinAt) return 0;
  const to = Math.min(entry.checkoutAt ?? endAt, endAt);
  const from = Math.max(entry.checkinAt, startAt);
  return Math.max(0, Math.floor((to - from) / MINUTE));
}

export function recordedText(r: RecordedState): string {
  // A rating, not a star level (星级 is the volunteer's level): `评分 4`.
  return r.status === 'absent' ? '已录入 · 缺席' : `已录入 · ${r.minutes} 分钟 · 评分 ${r.rating ?? '-'}`;
}

function attendanceOf(entry: RosterEntry): string {
  if (!entry.checkinAt) return '未签到';
  if (!entry.checkoutAt) return `${hhmm(entry.checkinAt)} 签到（未签退）`;
  return `${hhmm(entry.checkinAt)} 签到 · ${hhmm(entry.checkoutAt)} 签退`;
}

/** A reason is required beyond the post's length or without a check-in (the server enforces it too). */
export const needsReason = (r: Pick<RecordRow, 'absent' | 'checkedIn' | 'minutes' | 'capMinutes' | 'started'>) =>
  r.started && !r.absent && (!r.checkedIn || r.minutes > r.capMinutes);

/**
 * Confirmed attendees only, starting from the check-in facts: the checked-in overlap, a rating of 5, and absent only
 * when the service has ended (`now` ≥ end) without a check-in — before that nobody is marked absent.
 */
export function toRecordRows(items: RosterWithRecord[], startAt: number, endAt: number, now: number): RecordRow[] {
  return items
    .filter((e) => e.status === 'confirmed')
    .map((e) => {
      const minutes = defaultMinutes(e, startAt, endAt);
      const capMinutes = Math.floor((endAt - startAt) / MINUTE);
      const row = {
        volunteerId: e.volunteerId,
        name: e.name,
        cardNo: e.cardNo,
        attendance: attendanceOf(e),
        defaultMinutes: minutes,
        minutes: e.record ? e.record.minutes : minutes,
        rating: e.record?.rating ?? 5,
        absent: e.record ? e.record.status === 'absent' : !e.checkinAt && now >= endAt,
        recorded: e.record ? recordedText(e.record) : '',
        checkedIn: !!e.checkinAt,
        capMinutes,
        started: now >= startAt,
        reason: '',
        needsReason: false,
      };
      return { ...row, needsReason: !row.recorded && needsReason(row) };
    });
}

/** The `timebank.record` entries of the rows not recorded yet. */
export function entriesOf(rows: RecordRow[]): RecordEntry[] {
  return rows
    .filter((r) => !r.recorded)
    .map((r) =>
      r.absent
        ? { volunteerId: r.volunteerId, absent: true }
        : {
            volunteerId: r.volunteerId,
            minutes: r.minutes,
            rating: r.rating,
            ...(r.needsReason && r.reason.trim() ? { reason: r.reason.trim() } : {}),
          },
    );
}
