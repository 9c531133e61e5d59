/** 转赠时数: the form's checks before the confirmation dialog (the server checks again). */
import { CARD_NO_PATTERN } from '../../typings/index';

export interface TransferForm {
  cardNo: string;
  minutes: string;
  note: string;
}

export interface CheckedTransfer {
  toCardNo: string;
  minutes: number;
  note?: string;
}

/** Field messages, or the request when everything is filled in correctly. */
export function checkTransfer(
  form: TransferForm,
  balanceMinutes: number,
  ownCardNo: string,
): { errors: Record<string, string>; request?: CheckedTransfer } {
  const errors: Record<string, string> = {};
  const cardNo = form.cardNo.trim().toUpperCase();
  if (!cardNo) errors.cardNo = '请填写对方的义工证号';
  else if (!CARD_NO_PATTERN.test(cardNo)) errors.cardNo = '格式为 ZSBA-年份-6位数字';
  else if (cardNo === ownCardNo) errors.cardNo = '不能转赠给自己';
  const text = form.minutes.trim();
  const minutes = Number(text);
  if (!text) errors.minutes = '请填写转赠分钟数';
  else if (!/^\d+$/.test(text) || minutes < 1) errors.minutes = '请填写正整数分钟';
  else if (minutes > balanceMinutes) errors.minutes = `余额不足，最多可转赠 ${balanceMinutes} 分钟`;
  if (Object.keys(errors).length) return { errors };
  const note = form.note.trim();
  return { errors, request: { toCardNo: cardNo, minutes, ...(note ? { note } : {}) } };
}
