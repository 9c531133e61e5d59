/**
 * Spending banked minutes (兑换服务), pure: how many minutes may be redeemed, who may settle a redemption and how,
 * and the household survey that opens the need in the matching flow.
 */
import { createHash } from 'node:crypto';
import type { RedeemRequest, RedemptionStatus } from '../../typings/api/timebank';
import { RECIPIENT_NOTICE_VERSION } from '../../typings/data';
import type { SurveyHousehold, SurveyMember, SurveyNeed } from '../../typings/needs';

/** Minutes are redeemed in half hours: 30, 60, 90 … and never more than the balance. */
export const REDEEM_STEP = 30;

export const redemptionIdOf = (volunteerId: string, requestId: string) =>
  `rd_${createHash('sha256').update(`${volunteerId}:${requestId}`).digest('hex').slice(0, 24)}`;

/** Why these minutes cannot be redeemed from this balance (undefined when they can). */
export function minutesProblem(minutes: number, balance: number): string | undefined {
  if (minutes % REDEEM_STEP !== 0) return `兑换时长须为 ${REDEEM_STEP} 分钟的整数倍`;
  if (minutes > balance) return `余额不足：当前可兑换 ${balance - (balance % REDEEM_STEP)} 分钟`;
  return undefined;
}

/** The request as first stored, to tell a repeat from another request under the same requestId. */
export interface StoredRequest {
  minutes: number;
  category: string;
  note: string;
  forName?: string;
}

export const sameRequest = (stored: StoredRequest, input: RedeemRequest) =>
  stored.minutes === input.minutes &&
  stored.category === input.category &&
  stored.note === input.note &&
  (stored.forName ?? '') === (input.forName ?? '');

export type Settler = 'owner' | 'coordinator';

/**
 * Why `by` may not cancel a redemption (undefined when they may): only an open one; the owner only until the
 * coordinator turned its survey into a plan (after that, the coordinator decides); the coordinator with a reason.
 */
export function cancelProblem(
  status: RedemptionStatus,
  by: Settler,
  surveyConverted: boolean,
  reason?: string,
): string | undefined {
  if (status !== 'open') return status === 'delivered' ? '该兑换的服务已完成，不能取消' : '该兑换已取消';
  if (by === 'owner' && surveyConverted) return '社工已为该兑换安排服务，如需取消请联系镇区社工';
  if (by === 'coordinator' && !reason) return '请填写取消原因';
  return undefined;
}

export function deliverProblem(status: RedemptionStatus): string | undefined {
  if (status === 'open') return undefined;
  return status === 'delivered' ? '该兑换的服务已标记为完成' : '该兑换已取消，不能标记为完成';
}

/** What the coordinator reads in 需求调查 for a redemption: who it is for, how to reach the volunteer, the need. */
export interface RedemptionNeed {
  household: SurveyHousehold;
  members: SurveyMember[];
  needs: SurveyNeed[];
  consent: { by: 'self'; version: string; at: number };
}

export function needOf(
  input: Pick<RedeemRequest, 'category' | 'note' | 'forName'>,
  volunteer: { name: string; mobile: string; lat?: number; lng?: number },
  minutes: number,
  at: number,
): RedemptionNeed {
  return {
    household: {
      contactName: input.forName ?? volunteer.name,
      address: '待电话确认',
      phone: volunteer.mobile,
      size: 1,
      ...(volunteer.lat !== undefined && volunteer.lng !== undefined ? { lat: volunteer.lat, lng: volunteer.lng } : {}),
    },
    members: [
      {
        relation: input.forName ? `${volunteer.name}的家人` : '义工本人',
        situation: `时间银行兑换 ${minutes / 60} 小时`,
        categories: [],
      },
    ],
    needs: [
      {
        category: input.category,
        specialties: [],
        frequency: 'once',
        slots: [],
        urgency: 'normal',
        note: input.note,
      },
    ],
    consent: { by: 'self', version: RECIPIENT_NOTICE_VERSION, at },
  };
}

/** The minutes a volunteer's open redemptions hold. */
export const heldOf = (open: { minutes: number; status: RedemptionStatus }[]) =>
  open.filter((r) => r.status === 'open').reduce((s, r) => s + r.minutes, 0);
