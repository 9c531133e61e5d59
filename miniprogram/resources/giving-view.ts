/**
 * What the giving pages show (爱心企业, 物资捐赠, 公益项目): plain view rows made from the contract's types, so a
 * page only sets them. Pure, and tested without a page.
 */
import { GOODS_CONDITION_LABELS } from '../typings/data';
import type { CharityProject, Donor, DonorStatus, Pledge, PledgeStatus } from '../typings/resources';
import { formatDate, formatDay, shanghai } from '../utils/time';

export const DONOR_STATUS_TEXT: Record<DonorStatus, string> = {
  pending: '审核中',
  verified: '已认证',
  rejected: '未通过',
};

export const PLEDGE_STATUS_TEXT: Record<PledgeStatus, string> = {
  offered: '待匹配',
  matched: '已匹配，待交接',
  handed: '已交接',
  withdrawn: '已撤回',
};

/** The note every page about money shows: the app never takes money (慈善法: designated platforms only). */
export const MONEY_NOTE = '请在民政部指定的互联网公开募捐信息平台完成捐款';

export interface DonorView {
  donorId: string;
  name: string;
  creditCode: string;
  contact: string;
  mobile: string;
  status: DonorStatus;
  statusText: string;
  reason: string;
  thanks: string;
  registered: string;
}

export const toDonorView = (d: Donor): DonorView => ({
  donorId: d.donorId,
  name: d.name,
  creditCode: d.creditCode,
  contact: d.contactName,
  mobile: d.contactMobile,
  status: d.status,
  statusText: DONOR_STATUS_TEXT[d.status],
  reason: d.reason ?? '',
  thanks: d.publicThanks ? '同意在公益榜公开致谢' : '不公开企业名称',
  registered: `${formatDate(d.registeredAt)}登记${d.town ? ` · ${d.town}` : ''}`,
});

/** `3月5日 – 3月8日`, or one day. */
export function pickupText(from: number, to: number): string {
  const a = formatDay(from);
  const b = formatDay(to);
  return a === b ? a : `${a} – ${b}`;
}

export interface PledgeView {
  pledgeId: string;
  title: string;
  condition: string;
  pickup: string;
  town: string;
  by: string;
  note: string;
  status: PledgeStatus;
  statusText: string;
  match: string;
  contactName: string;
  mobile: string;
  mine: boolean;
}

export const toPledgeView = (p: Pledge): PledgeView => ({
  pledgeId: p.pledgeId,
  title: `${p.what} × ${p.quantity} ${p.unit}`,
  condition: GOODS_CONDITION_LABELS[p.condition],
  pickup: pickupText(p.pickupFrom, p.pickupTo),
  town: p.town,
  by: p.by,
  note: p.note ?? '',
  status: p.status,
  statusText: PLEDGE_STATUS_TEXT[p.status],
  match: p.match ? `匹配：${p.match.title}` : '',
  contactName: p.contact?.name ?? '',
  mobile: p.contact?.mobile ?? '',
  mine: !!p.mine,
});

export interface ProjectView {
  projectId: string;
  title: string;
  summary: string;
  organisation: string;
  qualification: string;
  platform: string;
  url: string;
  town: string;
  ended: boolean;
  updated: string;
}

export const toProjectView = (p: CharityProject): ProjectView => ({
  projectId: p.projectId,
  title: p.title,
  summary: p.summary,
  organisation: p.organisation,
  qualification: p.fundraisingQualification,
  platform: p.platform,
  url: p.url,
  town: p.town ?? '全市',
  ended: p.status === 'ended',
  updated: `${formatDate(p.updatedAt)}更新`,
});

/** A date picker's day (YYYY-MM-DD, Shanghai) → the pickup window's ends: the first day's start, the last day's end. */
export const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
export const dayEnd = (day: string) => dayStart(day) + 86_400_000 - 60_000;
export const dayValue = (ms: number) => shanghai(ms).format('YYYY-MM-DD');
