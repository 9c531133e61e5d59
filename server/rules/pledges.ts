/**
 * Goods pledges (物资捐赠): the pickup window a pledger offers, and which state allows which step (offered → matched
 * → handed; offered → withdrawn).
 */
import { PLEDGE_LIMITS } from '../../typings/data';
import type { PledgeStatus } from '../../typings/resources';

const DAY = 86_400_000;
/** How far ahead a pickup may start. */
export const PICKUP_START_DAYS_MAX = 60;

/** Why a pickup window cannot be offered (a Chinese message), or undefined when it can. */
export function pickupProblem(from: number, to: number, now: number): string | undefined {
  if (to <= from) return '取货结束时间须晚于开始时间';
  if (to <= now) return '取货时间须在将来';
  if (from > now + PICKUP_START_DAYS_MAX * DAY) return `取货开始时间不能晚于 ${PICKUP_START_DAYS_MAX} 天后`;
  if (to - from > PLEDGE_LIMITS.pickupDaysMax * DAY) return `取货时段不能超过 ${PLEDGE_LIMITS.pickupDaysMax} 天`;
  return undefined;
}

/** The state a step needs, and what the pledge becomes. */
export const STEPS = {
  match: { from: 'offered', to: 'matched' },
  handOver: { from: 'matched', to: 'handed' },
  withdraw: { from: 'offered', to: 'withdrawn' },
} as const satisfies Record<string, { from: PledgeStatus; to: PledgeStatus }>;

/** Why a step cannot be taken from this state (a Chinese message). */
export function stepRefusal(step: keyof typeof STEPS, status: PledgeStatus): string {
  if (status === 'withdrawn') return '该捐赠已撤回';
  if (status === 'handed') return '该捐赠已交接完成';
  if (step === 'handOver') return '该捐赠尚未匹配，不能标记交接';
  return '该捐赠已匹配，不能再匹配或撤回';
}
