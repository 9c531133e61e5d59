/** 我的时数: the balance figures and ledger rows as the page shows them. */
import type { BalanceResponse, LedgerEntry } from '../../typings/index';
import { hoursOf } from '../../utils/format';
import { formatDateTime } from '../../utils/time';

export interface BalanceView {
  balance: string;
  earned: string;
  donated: string;
  received: string;
  /** Training hours (培训), kept apart: never in the balance or the stars. */
  training: string;
  /** Hours held by redemptions not yet delivered (冻结中); empty when none. */
  held: string;
  /** Whole minutes in the bank, for the transfer page's limit. */
  balanceMinutes: number;
}

export function toBalanceView(b: BalanceResponse): BalanceView {
  return {
    balance: hoursOf(b.balanceMinutes),
    earned: hoursOf(b.earnedMinutes),
    donated: hoursOf(b.donatedMinutes),
    received: hoursOf(b.receivedMinutes),
    training: hoursOf(b.trainingMinutes),
    held: b.heldMinutes > 0 ? hoursOf(b.heldMinutes) : '',
    balanceMinutes: b.balanceMinutes,
  };
}

export interface LedgerRow {
  entryId: string;
  title: string;
  detail: string;
  time: string;
  /** `+1.5 小时` / `-1.0 小时` */
  amount: string;
  /** `90 分钟` */
  minutes: string;
  tone: 'in' | 'out';
  kind: string;
}

function titleOf(e: LedgerEntry): { title: string; detail: string; kind: string } {
  const incoming = e.minutes >= 0;
  switch (e.kind) {
    case 'credit':
      return { title: e.note || '服务时长入账', detail: e.counterparty, kind: '服务' };
    case 'transfer':
      return incoming
        ? { title: `收到 ${e.counterparty} 的转赠`, detail: e.note ?? '', kind: '受赠' }
        : { title: `转赠给 ${e.counterparty}`, detail: e.note ?? '', kind: '转赠' };
    case 'redemption':
      return { title: `兑换服务：${e.note ?? ''}`, detail: e.counterparty, kind: '兑换' };
    case 'redemption-return':
      return { title: `兑换取消退回：${e.note ?? ''}`, detail: e.counterparty, kind: '退回' };
    default:
      return {
        title: incoming ? '时长调整（补录）' : '时长调整（冲销）',
        detail: [e.counterparty, e.note ? `原因：${e.note}` : ''].filter(Boolean).join(' · '),
        kind: '调整',
      };
  }
}

export function toLedgerRow(e: LedgerEntry): LedgerRow {
  const incoming = e.minutes >= 0;
  const abs = Math.abs(e.minutes);
  return {
    entryId: e.entryId,
    ...titleOf(e),
    time: formatDateTime(e.at),
    amount: `${incoming ? '+' : '-'}${hoursOf(abs)} 小时`,
    minutes: `${abs} 分钟`,
    tone: incoming ? 'in' : 'out',
  };
}
