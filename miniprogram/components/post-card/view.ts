import type { Post } from '../../typings/index';
import { formatRange } from '../../utils/time';

/** What a post card shows: small and flat, so a page of 20 stays far below the setData budget. */
export interface PostCardView {
  postId: string;
  title: string;
  brigadeName: string;
  category: string;
  time: string;
  address: string;
  confirmedCount: number;
  quota: number;
  waitlistCount: number;
  /** 0–100, how full the quota is. */
  percent: number;
  full: boolean;
  cancelled: boolean;
  /** `1.2 公里` when the list was asked for nearest first, else empty. */
  distance: string;
  /** A training (培训): `心肺复苏与AED · 讲师 李医生`; empty for a service. */
  training: string;
  /** The caller's state on lists of their own sign-ups (已报名, 候补第2位 …), shown instead of the category. */
  badge?: string;
  badgeType?: 'success' | 'warning' | 'danger' | 'default';
  /** Shown instead of the sign-up bar once a service is over: 获得 1.5 小时, 暂未录入时长 … */
  note?: string;
  /** The note is what the person earned (highlighted). */
  earned?: boolean;
}

/** Metres → `800 米` / `1.2 公里` / `36 公里`. */
export function formatDistance(metres: number | undefined): string {
  if (metres === undefined || !Number.isFinite(metres)) return '';
  if (metres < 1000) return `${Math.max(10, Math.round(metres / 10) * 10)} 米`;
  return metres < 10_000 ? `${(metres / 1000).toFixed(1)} 公里` : `${Math.round(metres / 1000)} 公里`;
}

export function toPostCardView(post: Post): PostCardView {
  const quota = Math.max(0, post.quota);
  const percent = quota > 0 ? Math.min(100, Math.round((post.confirmedCount / quota) * 100)) : 100;
  return {
    postId: post.postId,
    title: post.title,
    brigadeName: post.brigadeName,
    category: post.category,
    time: formatRange(post.startAt, post.endAt),
    address: post.address,
    confirmedCount: post.confirmedCount,
    quota,
    waitlistCount: post.waitlistCount,
    percent,
    full: post.confirmedCount >= quota,
    cancelled: post.status === 'cancelled',
    distance: formatDistance(post.distance),
    training:
      post.kind === 'training' ? [post.topic, post.trainer && `讲师 ${post.trainer}`].filter(Boolean).join(' · ') : '',
  };
}
