/** How the needs pages word surveys, plans' services and carers: frequency, urgency, times and states in Chinese. */
import { FREQUENCY_LABELS, SLOT_LABELS, URGENCY_LABELS, type Availability } from '../typings/index';
import { shanghai } from './time';
import type { AssignmentStatus, PlanService, ServiceStatus, SurveyNeed } from '../typings/needs';

export const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "周二上午、周四下午", or "时间不限" when no slot was named. */
export function slotsText(slots: Availability[]): string {
  if (slots.length === 0) return '时间不限';
  return slots.map((s) => `${WEEKDAY_LABELS[s.weekday]}${SLOT_LABELS[s.slot]}`).join('、');
}

/** "探访慰问 · 每周 · 较急". */
export const needTitle = (need: SurveyNeed) =>
  `${need.category} · ${FREQUENCY_LABELS[need.frequency]} · ${URGENCY_LABELS[need.urgency]}`;

/** "每周 · 周二上午 · 60 分钟 · 2 人" — when and how a plan's service is given. */
export function serviceWhen(
  s: Pick<PlanService, 'frequency' | 'weekday' | 'slot' | 'durationMinutes' | 'people'>,
): string {
  const day = s.weekday !== undefined ? WEEKDAY_LABELS[s.weekday] : '';
  return `${FREQUENCY_LABELS[s.frequency]} · ${day}${SLOT_LABELS[s.slot]} · ${s.durationMinutes} 分钟 · ${s.people} 人`;
}

export const SERVICE_STATUS_TEXT: Record<ServiceStatus, string> = {
  open: '待配对',
  covered: '已配齐',
  ended: '已结束',
};

export const ASSIGNMENT_STATUS_TEXT: Record<AssignmentStatus, string> = {
  volunteered: '主动报名',
  offered: '已邀请',
  accepted: '已接受',
  declined: '已婉拒',
  expired: '已过期',
  ended: '已结束',
};

/** A date picker's value (YYYY-MM-DD, Shanghai) for a time, and back to the start of that day. */
export const dayOf = (ms: number) => shanghai(ms).format('YYYY-MM-DD');
export const msOf = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

/** The platform dialog as a yes/no question; resolves true when confirmed. */
export const confirmDialog = (title: string, content: string, confirmText: string) =>
  new Promise<boolean>((resolve) =>
    wx.showModal({ title, content, confirmText, success: (r) => resolve(r.confirm), fail: () => resolve(false) }),
  );
