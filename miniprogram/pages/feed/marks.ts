/** The feed's mark on a post I signed up for: 已报名, or my place on the waitlist. */
import type { Signup } from '../../typings/index';
import type { PostCardView } from '../../components/post-card/view';

export type SignupMark = Required<Pick<PostCardView, 'badge' | 'badgeType'>>;

export function markOf(signup: Pick<Signup, 'status' | 'position'>): SignupMark | undefined {
  if (signup.status === 'confirmed') return { badge: '已报名', badgeType: 'success' };
  if (signup.status === 'waitlisted') {
    return { badge: signup.position ? `候补第${signup.position}位` : '候补中', badgeType: 'warning' };
  }
  return undefined;
}
