/** Photos of recorded services (服务剪影): how many, and when a leader may add them. Pure. */

/** At most this many photos per post, and per call. */
export const PHOTOS_PER_POST = 9;
export const PHOTOS_PER_CALL = 6;
/** The brigade's home shows this many recent photos. */
export const HOME_PHOTOS = 6;

/** Why photos cannot be added to this post now (a Chinese message), or undefined. */
export function photoProblem(post: { status: string; startAt: number }, now: number): string | undefined {
  if (post.status !== 'published') return '该招募已取消，不能上传服务照片';
  if (post.startAt > now) return '服务开始后才能上传服务照片';
  return undefined;
}

/** Why `adding` more photos would pass the post's limit (a Chinese message), or undefined. */
export function photoLimitProblem(held: number, adding: number): string | undefined {
  if (held + adding <= PHOTOS_PER_POST) return undefined;
  const left = Math.max(0, PHOTOS_PER_POST - held);
  return left === 0
    ? `每场服务最多 ${PHOTOS_PER_POST} 张照片，已经满了`
    : `每场服务最多 ${PHOTOS_PER_POST} 张照片，还能上传 ${left} 张`;
}
