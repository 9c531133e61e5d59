/** 兑换服务: the form's checks before sending (the server checks again). */
import { SERVICE_CATEGORIES, type ServiceCategory } from '../../../typings/index';

/** Minutes are redeemed in half hours. */
export const STEP_MINUTES = 30;

/** What a volunteer may ask for with banked hours (not the brigade-only kinds: surveys, trainings, charity sales). */
export const REDEEM_CATEGORIES = SERVICE_CATEGORIES.filter((c) => !['需求调查', '培训', '义卖'].includes(c));

export interface RedeemForm {
  /** Hours on the stepper, in half hours. */
  hours: number;
  category: ServiceCategory | '';
  note: string;
  forFamily: boolean;
  forName: string;
}

export interface CheckedRedeem {
  minutes: number;
  category: ServiceCategory;
  note: string;
  forName?: string;
}

/** The most that may be redeemed: the balance in whole half hours. */
export const maxHoursOf = (balanceMinutes: number) => (Math.floor(balanceMinutes / STEP_MINUTES) * STEP_MINUTES) / 60;

/** Field messages, or the request when everything is filled in correctly. */
export function checkRedeem(
  form: RedeemForm,
  balanceMinutes: number,
): { errors: Record<string, string>; request?: CheckedRedeem } {
  const errors: Record<string, string> = {};
  const minutes = Math.round(form.hours * 60);
  if (minutes < STEP_MINUTES) errors.hours = '至少兑换 0.5 小时';
  else if (minutes > balanceMinutes) errors.hours = `余额不足，最多可兑换 ${maxHoursOf(balanceMinutes)} 小时`;
  if (!form.category) errors.category = '请选择需要的服务';
  const note = form.note.trim();
  if (!note) errors.note = '请说明需要什么帮助、何时方便';
  const forName = form.forName.trim();
  if (form.forFamily && !forName) errors.forName = '请填写家人的姓名';
  if (Object.keys(errors).length || !form.category) return { errors };
  return {
    errors,
    request: { minutes, category: form.category, note, ...(form.forFamily ? { forName } : {}) },
  };
}
