/** How the needs pages word a survey's needs: frequency, urgency and preferred times in Chinese. */
import { FREQUENCY_LABELS, SLOT_LABELS, URGENCY_LABELS, type Availability } from '../typings/index';
import type { SurveyNeed } from '../typings/needs';

export const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "周二上午、周四下午", or "时间不限" when no slot was named. */
export function slotsText(slots: Availability[]): string {
  if (slots.length === 0) return '时间不限';
  return slots.map((s) => `${WEEKDAY_LABELS[s.weekday]}${SLOT_LABELS[s.slot]}`).join('、');
}

/** "探访慰问 · 每周 · 较急". */
export const needTitle = (need: SurveyNeed) =>
  `${need.category} · ${FREQUENCY_LABELS[need.frequency]} · ${URGENCY_LABELS[need.urgency]}`;
