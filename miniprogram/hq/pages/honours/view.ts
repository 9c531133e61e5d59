/** 荣誉表彰 (hq): the award form's checks and the list rows. */
import {
  CARD_NO_PATTERN,
  HONOUR_LABELS,
  type AwardRequest,
  type Honour,
  type HonourAward,
} from '../../../typings/index';
import { formatDate } from '../../../utils/time';

export interface AwardForm {
  cardNo: string;
  honour: Honour;
  year: string;
  reason: string;
}

export function checkAward(form: AwardForm): { errors: Record<string, string>; request?: AwardRequest } {
  const errors: Record<string, string> = {};
  const cardNo = form.cardNo.trim().toUpperCase();
  if (!CARD_NO_PATTERN.test(cardNo)) errors.cardNo = cardNo ? '格式为 ZSBA-年份-6位数字' : '请填写义工证号';
  const year = Number(form.year);
  if (form.honour === 'outstanding' && !(/^\d{4}$/.test(form.year.trim()) && year >= 2000 && year <= 2100)) {
    errors.year = '请填写年度，如 2026';
  }
  const reason = form.reason.trim();
  if (!reason) errors.reason = '请填写表彰理由';
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    request: { cardNo, honour: form.honour, reason, ...(form.honour === 'outstanding' ? { year } : {}) },
  };
}

export interface HonourListRow {
  honourId: string;
  title: string;
  who: string;
  reason: string;
  date: string;
}

export function toHonourListRow(h: HonourAward & { cardNo: string; name: string }): HonourListRow {
  return {
    honourId: h.honourId,
    title: h.year ? `${h.year} 年度${HONOUR_LABELS[h.honour]}` : HONOUR_LABELS[h.honour],
    who: `${h.name}（${h.cardNo}）`,
    reason: h.reason,
    date: formatDate(h.awardedAt),
  };
}
