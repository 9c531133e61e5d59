/** 我的兑换: each redemption as the list shows it. */
import type { Redemption } from '../../../typings/index';
import { hoursOf } from '../../../utils/format';
import { formatDateTime } from '../../../utils/time';

export interface RedemptionRow {
  redemptionId: string;
  category: string;
  hours: string;
  /** 本人 / 家人：name */
  forWhom: string;
  note: string;
  status: string;
  tone: 'primary' | 'success' | 'default';
  /** When it was asked for, and when it was settled. */
  times: string;
  cancelReason: string;
  cancellable: boolean;
}

const STATUS = {
  open: { label: '冻结中 · 待社工安排', tone: 'primary' },
  delivered: { label: '服务已完成', tone: 'success' },
  cancelled: { label: '已取消 · 时长已退回', tone: 'default' },
} as const;

export function toRedemptionRow(r: Redemption): RedemptionRow {
  const settled = r.deliveredAt ?? r.cancelledAt;
  return {
    redemptionId: r.redemptionId,
    category: r.category,
    hours: `${hoursOf(r.minutes)} 小时`,
    forWhom: r.forName ? `家人：${r.forName}` : '本人',
    note: r.note,
    status: STATUS[r.status].label,
    tone: STATUS[r.status].tone,
    times: [`提交于 ${formatDateTime(r.createdAt)}`, settled ? `办结于 ${formatDateTime(settled)}` : '']
      .filter(Boolean)
      .join(' · '),
    cancelReason: r.cancelReason ?? '',
    cancellable: r.status === 'open',
  };
}
