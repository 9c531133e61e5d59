/** Posts whose service lies in the past of the real clock (what the pages see), for the ended and recorded states. */
import type { Post } from '../../typings/index';
import { HOUR, type PostsWorld } from './posts-world';

export const DAY = 24 * HOUR;

/**
 * A 2-hour post that started `ago` before now, signed up by `openid`: made on a cloud clock set back, which is then
 * left an hour after the post's end (so it can be recorded).
 */
export async function pastPost(world: PostsWorld, openid: string, title: string, ago: number): Promise<Post> {
  world.cloud.clock.set(Date.now() - ago - 48 * HOUR);
  const post = await world.post({ title, quota: 3 });
  await world.ok('posts', { action: 'signup', postId: post.postId }, openid);
  world.cloud.clock.set(post.endAt + HOUR);
  return post;
}

/** Records `minutes` and `rating` for a volunteer who never checked in, as the post's leader. */
export async function recordWithoutCheckin(
  world: PostsWorld,
  post: Post,
  volunteerId: string,
  minutes: number,
  rating: number,
): Promise<void> {
  const entries = [{ volunteerId, minutes, rating, reason: '现场未扫码签到' }];
  await world.ok('timebank', { action: 'record', postId: post.postId, entries }, world.leader);
}
