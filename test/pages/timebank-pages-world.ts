/**
 * Served posts for the time-bank page tests: a two-hour post that started three hours before the device's "now",
 * signed up and attended through the real functions with the cloud's clock moved back and forth, so the page (which
 * reads the device's clock) sees a finished post. Checked out: 60 minutes; checked in only: 110 minutes.
 */
import type { Post } from '../../typings/index';
import type { CreatePostRequest } from '../../typings/api/posts';
import { HOUR, type PostsWorld } from './posts-world';

export const MINUTE = 60_000;

export interface Attendance {
  checkin?: string[];
  checkout?: string[];
}

export async function servedPost(
  world: PostsWorld,
  openids: string[],
  title: string,
  attendance: Attendance = {},
  /** What the post is (e.g. a training), over the defaults. */
  kind: Partial<CreatePostRequest> = {},
): Promise<Post> {
  const startAt = Math.floor((Date.now() - 3 * HOUR) / MINUTE) * MINUTE;
  world.cloud.clock.set(startAt - HOUR);
  const post = await world.post({ title, startAt, endAt: startAt + 2 * HOUR, quota: openids.length + 1, ...kind });
  for (const openid of openids) await world.ok('posts', { action: 'signup', postId: post.postId }, openid);
  const code = async () =>
    (await world.ok<{ code: string }>('posts', { action: 'checkinCode', postId: post.postId }, world.leader)).code;
  // Half a minute of slack: minutes are floored and the clock runs on while calls are made.
  world.cloud.clock.set(startAt + 9.5 * MINUTE);
  let c = await code();
  const checkin = attendance.checkin ?? openids;
  for (const openid of checkin) await world.ok('posts', { action: 'checkin', postId: post.postId, code: c }, openid);
  world.cloud.clock.set(startAt + 70 * MINUTE);
  c = await code();
  for (const openid of attendance.checkout ?? checkin) {
    await world.ok('posts', { action: 'checkout', postId: post.postId, code: c }, openid);
  }
  world.cloud.clock.set(Date.now());
  return post;
}

/** Records `minutes` and `rating` for each openid's volunteer, as the post's leader. */
export async function recordService(
  world: PostsWorld,
  post: Post,
  entries: { volunteerId: string; minutes: number; rating: number }[],
): Promise<void> {
  await world.ok('timebank', { action: 'record', postId: post.postId, entries }, world.leader);
}
