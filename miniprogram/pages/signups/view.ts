/** 我的报名 rows: the post card with the caller's own state as its badge. */
import type { MyPost } from '../../typings/index';
import { hoursOf } from '../../utils/format';
import { toPostCardView, type PostCardView } from '../../components/post-card/view';

const CHECKIN_OPENS_BEFORE = 30 * 60_000;

export type MySignupRow = MyPost;

export function badgeOf(row: MySignupRow, now: number): Pick<PostCardView, 'badge' | 'badgeType'> {
  const s = row.mySignup;
  if (row.status === 'cancelled' || s.status === 'cancelled') return { badge: '活动已取消', badgeType: 'danger' };
  if (s.status === 'withdrawn') return { badge: '已取消报名', badgeType: 'default' };
  if (s.status === 'waitlisted') {
    return { badge: s.position ? `候补第${s.position}位` : '候补中', badgeType: 'warning' };
  }
  if (s.checkoutAt) return { badge: '已签退', badgeType: 'success' };
  if (s.checkinAt) return { badge: '已签到', badgeType: 'success' };
  return now >= row.endAt ? { badge: '未签到', badgeType: 'default' } : { badge: '已报名', badgeType: 'success' };
}

export const toSignupCard = (row: MySignupRow, now: number): PostCardView => ({
  ...toPostCardView(row),
  ...badgeOf(row, now),
});

/** A past service's line instead of the sign-up bar: what was recorded for me, or why nothing. */
export function pastNote(row: MySignupRow): Pick<PostCardView, 'note' | 'earned'> {
  const record = row.myRecord;
  if (record?.status === 'attended' && record.minutes > 0) {
    return { note: `已录入 ${hoursOf(record.minutes)} 小时`, earned: true };
  }
  if (record?.status === 'absent') return { note: '记为缺席', earned: false };
  const s = row.mySignup.status;
  if (row.status === 'cancelled' || s !== 'confirmed') return { note: '未参加', earned: false };
  return { note: '暂未录入时长', earned: false };
}

/** The confirmed sign-up whose check-in (or check-out) is open now, for the 去签到 banner. */
export function checkinDue(rows: MySignupRow[], now: number): MySignupRow | undefined {
  return rows.find(
    (r) =>
      r.status === 'published' &&
      r.mySignup.status === 'confirmed' &&
      !r.mySignup.checkoutAt &&
      now >= r.startAt - CHECKIN_OPENS_BEFORE &&
      now <= r.endAt,
  );
}
