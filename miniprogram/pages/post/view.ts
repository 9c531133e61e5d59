/** What the post page shows, flattened from `posts.get`. */
import type { Contact, Post } from '../../typings/index';
import type { PostDetailResponse } from '../../typings/api/posts';
import { hoursOf } from '../../utils/format';
import { formatDateTime, formatRange } from '../../utils/time';
import { signupButtonView, type SignupButtonView } from '../../components/signup-button/state';

/** Check-in opens 30 minutes before the start; check-out stays open 4 hours after the end (server rules). */
const CHECKIN_OPENS_BEFORE = 30 * 60_000;
const CHECKOUT_CLOSES_AFTER = 4 * 3_600_000;

export type PostDetail = PostDetailResponse;

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
  /** A training (培训): its topic and trainer; its minutes are training minutes. */
  training: boolean;
  topic: string;
  trainer: string;
  cancelled: boolean;
  cancelReason: string;
  iLead: boolean;
  /** The caller is confirmed and check-in or check-out is open now. */
  canCheckin: boolean;
  checkinText: string;
  /** 未开始 / 进行中 / 已结束 / 已录入 2.0 小时; empty when cancelled. */
  state: string;
  stateType: 'upcoming' | 'ongoing' | 'ended' | 'recorded';
  /** Started: no quota bar, no sign-up button. */
  started: boolean;
  /** What the caller earned once recorded: `服务 2.0 小时 · 评分 4`, or 记为缺席. */
  earned: string;
  /** Whom to contact (null: 暂无联系人); `mobile` only for those who may call. */
  contact: Contact | null;
}

/** The post's state line, from the time and the caller's record. */
export function stateOf(post: PostDetail, now: number): Pick<PostView, 'state' | 'stateType' | 'earned'> {
  const record = post.myRecord;
  if (record?.status === 'attended') {
    const rating = record.rating !== undefined ? ` · 评分 ${record.rating}` : '';
    const hours = hoursOf(record.minutes);
    const what = post.kind === 'training' ? `培训 ${hours} 小时（单独记录）` : `服务 ${hours} 小时${rating}`;
    return { state: `已录入 ${hours} 小时`, stateType: 'recorded', earned: what };
  }
  if (record) return { state: '已录入：缺席', stateType: 'recorded', earned: '记为缺席，未计时长' };
  if (post.status === 'cancelled') return { state: '', stateType: 'ended', earned: '' };
  if (now < post.startAt) return { state: '未开始', stateType: 'upcoming', earned: '' };
  if (now < post.endAt) return { state: '进行中', stateType: 'ongoing', earned: '' };
  const served = post.mySignup?.status === 'confirmed';
  return { state: '已结束', stateType: 'ended', earned: served ? '服务时长待负责人录入' : '' };
}

export function requirementsOf(post: Post): string[] {
  const list: string[] = [];
  if (post.requiredSpecialties.length) list.push(`需具备专长：${post.requiredSpecialties.join(' / ')}（其一即可）`);
  const quals = post.requiredQualifications ?? [];
  if (quals.length) list.push(`需持有经审核的资格证书：${quals.join(' / ')}（其一即可）`);
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
    training: post.kind === 'training',
    topic: post.topic ?? '',
    trainer: post.trainer ?? '',
    cancelled: post.status === 'cancelled',
    cancelReason: post.cancelReason ?? '',
    iLead: post.iLead,
    canCheckin: confirmed && open && !mine?.checkoutAt,
    checkinText,
    started: now >= post.startAt,
    contact: post.contact ?? null,
    ...stateOf(post, now),
  };
}

export const buttonOf = (post: PostDetail, now: number): SignupButtonView => signupButtonView(post, now);
