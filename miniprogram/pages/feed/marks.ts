/** The feed's mark on a post I signed up for: 已报名, or my place on the waitlist. */
import type { Signup } from '../../typings/index';
import type { PostCardView } from '../../components/post-card/view';
import { posts } from '../../services/index';

/** How many waitlisted sign-ups ask their post for their place. */
const PLACES_ASKED = 5;

export type SignupMark = Required<Pick<PostCardView, 'badge' | 'badgeType'>>;

export function markOf(signup: Pick<Signup, 'status' | 'position'>): SignupMark | undefined {
  if (signup.status === 'confirmed') return { badge: '已报名', badgeType: 'success' };
  if (signup.status === 'waitlisted') {
    return { badge: signup.position ? `候补第${signup.position}位` : '候补中', badgeType: 'warning' };
  }
  return undefined;
}

/**
 * 我的报名 rows do not carry a waitlist place: the first few waitlisted ones ask their post (posts.get answers the
 * caller's place), so a card can say 候补第 2 位. A failed ask leaves 候补中.
 */
export async function withPlaces<T extends { postId: string; mySignup: Signup }>(rows: T[]): Promise<T[]> {
  const waiting = rows.filter((r) => r.mySignup.status === 'waitlisted').slice(0, PLACES_ASKED);
  const places = new Map<string, number>();
  await Promise.all(
    waiting.map(async (r) => {
      try {
        const detail = await posts.get({ postId: r.postId }, { toast: false });
        if (detail.mySignup?.position) places.set(r.postId, detail.mySignup.position);
      } catch {
        // 候补中 without the place.
      }
    }),
  );
  return rows.map((r) => {
    const position = places.get(r.postId);
    return position ? { ...r, mySignup: { ...r.mySignup, position } } : r;
  });
}
