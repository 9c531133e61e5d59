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
  };
}
