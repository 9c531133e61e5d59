/** 报名名单 rows: confirmed with their check-in state, the waitlist in order, and those who left. */
import type { RosterEntry } from '../../../typings/index';
import { shanghai } from '../../../utils/time';

export interface RosterRow {
  volunteerId: string;
  name: string;
  cardNo: string;
  /** 未签到 / 09:02 签到 / 09:02 签到 · 11:30 签退 / 候补第1位 / 已取消报名 */
  state: string;
  tone: 'success' | 'warning' | 'muted' | 'default';
}

export interface RosterView {
  confirmed: RosterRow[];
  waitlist: RosterRow[];
  left: RosterRow[];
  checkedIn: number;
  /** Confirmed but not checked in yet. */
  absent: number;
}

const hhmm = (ms: number) => shanghai(ms).format('HH:mm');

function rowOf(entry: RosterEntry): RosterRow {
  const base = { volunteerId: entry.volunteerId, name: entry.name, cardNo: entry.cardNo };
  switch (entry.status) {
    case 'confirmed':
      if (entry.checkoutAt && entry.checkinAt) {
        return { ...base, state: `${hhmm(entry.checkinAt)} 签到 · ${hhmm(entry.checkoutAt)} 签退`, tone: 'success' };
      }
      if (entry.checkinAt) return { ...base, state: `${hhmm(entry.checkinAt)} 签到`, tone: 'success' };
      return { ...base, state: '未签到', tone: 'default' };
    case 'waitlisted':
      return { ...base, state: `候补第${entry.position ?? '?'}位`, tone: 'warning' };
    case 'withdrawn':
      return { ...base, state: '已取消报名', tone: 'muted' };
    default:
      return { ...base, state: '活动已取消', tone: 'muted' };
  }
}

export function toRosterView(items: RosterEntry[]): RosterView {
  const rows = items.map((entry) => ({ entry, row: rowOf(entry) }));
  return {
    confirmed: rows.filter((r) => r.entry.status === 'confirmed').map((r) => r.row),
    waitlist: rows.filter((r) => r.entry.status === 'waitlisted').map((r) => r.row),
    left: rows.filter((r) => r.entry.status === 'withdrawn' || r.entry.status === 'cancelled').map((r) => r.row),
    checkedIn: items.filter((e) => e.status === 'confirmed' && e.checkinAt).length,
    absent: items.filter((e) => e.status === 'confirmed' && !e.checkinAt).length,
  };
}
