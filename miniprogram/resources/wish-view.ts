/** How a wish (微心愿) shows on the wall, its page and hq's review: who it is for, what, value, days left. */
import type { Wish, WishStatus } from '../typings/resources';
import { formatDate } from '../utils/time';

const DAY = 24 * 3_600_000;

export const STATUS_TEXT: Record<WishStatus, string> = {
  pending: '待审核',
  rejected: '未通过',
  published: '待认领',
  claimed: '认领中',
  fulfilled: '待确认',
  closed: '已圆梦',
  expired: '已过期',
};

/** `还剩 3 天` / `今天截止` until `deadline`; empty once past. */
export function daysLeftText(deadline: number | undefined, now = Date.now()): string {
  if (deadline === undefined || deadline <= now) return '';
  const days = Math.ceil((deadline - now) / DAY);
  return days <= 1 ? '今天截止' : `还剩 ${days} 天`;
}

export interface WishCard {
  wishId: string;
  title: string;
  who: string;
  place: string;
  kindText: string;
  value: string;
  status: WishStatus;
  statusText: string;
  left: string;
  photoUrl: string;
  claimer: string;
}

export function toWishCard(w: Wish, now = Date.now()): WishCard {
  const deadline = w.status === 'claimed' ? w.fulfilBy : w.status === 'published' ? w.expiresAt : undefined;
  return {
    wishId: w.wishId,
    title: w.title,
    who: w.recipient.displayName,
    place: `${w.recipient.town} · ${w.recipient.community}`,
    kindText: w.kind === 'goods' ? '物品' : '服务',
    value: w.estimatedValue !== undefined ? `约 ${w.estimatedValue} 元` : '',
    status: w.status,
    statusText: STATUS_TEXT[w.status],
    left: daysLeftText(deadline, now),
    photoUrl: w.photoUrl ?? '',
    claimer: w.claimer ? `${w.claimer.name} 认领` : '',
  };
}

/** A wish's page: the card, the story, its dates, and which actions the caller has. */
export function toWishDetail(w: Wish, now = Date.now()) {
  const card = toWishCard(w, now);
  const dates = [
    w.publishedAt ? `上墙 ${formatDate(w.publishedAt)}` : `提交 ${formatDate(w.createdAt)}`,
    w.claimedAt ? `认领 ${formatDate(w.claimedAt)}` : '',
    w.fulfilment ? `完成 ${formatDate(w.fulfilment.at)}` : '',
    w.closedAt ? `确认 ${formatDate(w.closedAt)}` : '',
  ].filter(Boolean);
  return {
    ...card,
    description: w.description,
    postedBy: w.postedBy,
    reason: w.reason ?? '',
    dates: dates.join(' · '),
    photos: w.fulfilment?.photoUrls ?? [],
    note: w.fulfilment?.note ?? '',
    mine: !!w.mine,
    canClaim: w.status === 'published' && !w.manage,
    canFulfil: !!w.mine && w.status === 'claimed',
    canConfirm: !!w.manage && w.status === 'fulfilled',
    canEdit: !!w.manage && (w.status === 'pending' || w.status === 'rejected'),
  };
}
