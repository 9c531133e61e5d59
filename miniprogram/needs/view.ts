/** How the volunteer's needs pages word a service and a pair: "义剪 · 每周二上午 · 60 分钟", 状态, 期限. */
import { SLOT_LABELS } from '../typings/index';
import type { MineItem, NearbyItem } from '../typings/api/needs';
import type { AssignmentStatus, PlanService } from '../typings/needs';
import { formatDateTime } from '../utils/time';

const DAYS = ['日', '一', '二', '三', '四', '五', '六'];
const EVERY = { once: '', weekly: '每周', biweekly: '每两周', monthly: '每月' } as const;

type When = Pick<PlanService, 'frequency' | 'weekday' | 'slot'>;

/** "每周二上午", "每月周二上午", "一次 · 上午". */
export function whenText(s: When): string {
  const day = s.weekday === undefined ? '' : DAYS[s.weekday];
  const slot = SLOT_LABELS[s.slot];
  if (s.frequency === 'once') return `一次 · ${day ? `周${day}` : ''}${slot}`;
  if (s.frequency === 'weekly') return `每周${day}${slot}`;
  return `${EVERY[s.frequency]}${day ? `（周${day}）` : ''}${slot}`;
}

export const serviceText = (s: When & Pick<PlanService, 'category' | 'durationMinutes'>) =>
  `${s.category} · ${whenText(s)} · ${s.durationMinutes} 分钟`;

export const STATUS_TEXT: Record<AssignmentStatus, string> = {
  offered: '待回复',
  volunteered: '已报名，等待社工安排',
  accepted: '结对中',
  ended: '已结束',
  declined: '已婉拒',
  expired: '已过期',
};

export interface MineView {
  assignmentId: string;
  status: AssignmentStatus;
  statusText: string;
  title: string;
  place: string;
  categories: string[];
  service: string;
  brigadeName: string;
  expiry: string;
  nextVisit: string;
  nextVisitPostId: string;
  hasVisit: boolean;
}

export function toMineView(i: MineItem): MineView {
  return {
    assignmentId: i.assignmentId,
    status: i.status,
    statusText: STATUS_TEXT[i.status],
    title: i.recipient.displayName,
    place: `${i.recipient.town} · ${i.recipient.community}`,
    categories: i.recipient.categories,
    service: serviceText(i.service),
    brigadeName: i.brigadeName,
    expiry: i.expiresAt ? `48小时内回复（${formatDateTime(i.expiresAt)} 前）` : '',
    nextVisit: i.nextVisitAt ? formatDateTime(i.nextVisitAt) : '',
    nextVisitPostId: i.nextVisitPostId ?? '',
    hasVisit: !!i.visit,
  };
}

/** What a need in 附近需求 says when the caller is already on it (declined or ended ones may offer again). */
const NEARBY_STATUS: Partial<Record<AssignmentStatus, string>> = {
  volunteered: '已报名帮忙，等待社工安排',
  offered: '社工已邀请您，请到「我的结对」回复',
  accepted: '您正在服务',
};

export interface NearbyView {
  key: string;
  planId: string;
  serviceId: string;
  title: string;
  place: string;
  categories: string[];
  service: string;
  people: string;
  distance: string;
  offered: boolean;
  statusText: string;
}

export function toNearbyView(i: NearbyItem): NearbyView {
  return {
    key: `${i.planId}:${i.serviceId}`,
    planId: i.planId,
    serviceId: i.serviceId,
    title: i.recipient.displayName,
    place: `${i.recipient.town} · ${i.recipient.community}`,
    categories: i.recipient.categories,
    service: serviceText(i.service),
    people: `需要 ${i.service.people} 人 · 已有 ${i.service.acceptedCount} 人`,
    distance: i.distanceKm === undefined ? '' : `${i.distanceKm} km`,
    offered: !!i.myStatus && !!NEARBY_STATUS[i.myStatus],
    statusText: (i.myStatus && NEARBY_STATUS[i.myStatus]) ?? '',
  };
}
