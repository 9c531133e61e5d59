/** What the post page shows, flattened from `posts.get`. */
import type { Post, Signup } from '../../typings/index';
import { formatDateTime, formatRange } from '../../utils/time';
import { signupButtonView, type SignupButtonView } from '../../components/signup-button/state';

/** Check-in opens 30 minutes before the start; check-out stays open 4 hours after the end (server rules). */
const CHECKIN_OPENS_BEFORE = 30 * 60_000;
const CHECKOUT_CLOSES_AFTER = 4 * 3_600_000;

export type PostDetail = Post & { mySignup?: Signup; iLead: boolean };

export interface PostView {
  postId: string;
  title: string;
  category: string;
  brigadeId: string;
  brigadeName: string;
  time: string;
  deadline: string;
  address: string;
  hasLocation: boolean;
  description: string;
  quota: number;
  confirmedCount: number;
  waitlistCount: number;
  requirements: string[];
  weekly: boolean;
  cancelled: boolean;
  cancelReason: string;
  iLead: boolean;
  /** The caller is confirmed and check-in or check-out is open now. */
  canCheckin: boolean;
  checkinText: string;
}

export function requirementsOf(post: Post): string[] {
  const list: string[] = [];
  if (post.requiredSpecialties.length) list.push(`需具备专长：${post.requiredSpecialties.join(' / ')}（其一即可）`);
  if (post.adultsOnly) list.push('仅限年满 18 周岁的义工');
  if (post.membersOnly) list.push(`仅限「${post.brigadeName}」队员`);
  return list;
}

export function toPostView(post: PostDetail, now: number): PostView {
  const mine = post.mySignup;
  const confirmed = post.status === 'published' && mine?.status === 'confirmed';
  const open = now >= post.startAt - CHECKIN_OPENS_BEFORE && now <= post.endAt + CHECKOUT_CLOSES_AFTER;
  let checkinText = '现场签到';
  if (mine?.checkoutAt) checkinText = '已签退';
  else if (mine?.checkinAt) checkinText = '现场签退';
  return {
    postId: post.postId,
    title: post.title,
    category: post.category,
    brigadeId: post.brigadeId,
    brigadeName: post.brigadeName,
    time: formatRange(post.startAt, post.endAt),
    deadline: formatDateTime(post.signupDeadline),
    address: post.address,
    hasLocation: post.lat !== undefined && post.lng !== undefined,
    description: post.description,
    quota: post.quota,
    confirmedCount: post.confirmedCount,
    waitlistCount: post.waitlistCount,
    requirements: requirementsOf(post),
    weekly: !!post.seriesId,
    cancelled: post.status === 'cancelled',
    cancelReason: post.cancelReason ?? '',
    iLead: post.iLead,
    canCheckin: confirmed && open && !mine?.checkoutAt,
    checkinText,
  };
}

export const buttonOf = (post: PostDetail, now: number): SignupButtonView => signupButtonView(post, now);
