/**
 * The hourly timer `expire-wishes`: published wishes past their time on the wall expire (已过期 to the poster);
 * claimed wishes past their fulfil-by time go back to the wall the first time (认领超时 to the claimer) and expire
 * the second time (已过期 to the claimer). Each move is a conditional update, so overlapping runs move a wish once.
 */
import type { RequestContext } from '../context';
import type { Notice } from '../reminders/notices';
import * as repo from '../repos/wishes';
import { boardDelta, expiresAtFrom, overdueClaim } from '../rules/wishes';
import { countBoard } from './board-count';
import { queueWishNotices, wishNotice } from './wish-notices';

/** Wishes moved per kind per run; what is left waits for the next hour. */
export const EXPIRE_BATCH = 200;

export async function expireWishes(
  ctx: RequestContext,
): Promise<{ expired: number; returned: number; lapsed: number }> {
  const now = Date.now();
  const [onWall, overdue] = await Promise.all([
    repo.expiredOnWall(now, EXPIRE_BATCH),
    repo.overdueClaims(now, EXPIRE_BATCH),
  ]);
  const notices: Notice[] = [];
  let expired = 0;
  let returned = 0;
  let lapsed = 0;
  for (const wish of onWall) {
    const moved = await repo.transition(
      wish._id,
      ['published'],
      { status: 'expired', updatedAt: now },
      { expiresAt: wish.expiresAt },
    );
    if (!moved) continue;
    expired += 1;
    notices.push(wishNotice('wishExpired', wish, wish.postedById, '心愿在展示期内无人认领，已过期'));
  }
  for (const wish of overdue) {
    const next = overdueClaim(!!wish.returnedOnce);
    const patch: Record<string, unknown> =
      next === 'returned'
        ? {
            status: 'published',
            returnedOnce: true,
            publishedAt: now,
            expiresAt: expiresAtFrom(now),
            updatedAt: now,
            ...repo.unclaimed(),
          }
        : { status: 'expired', updatedAt: now };
    const moved = await repo.transition(wish._id, ['claimed'], patch, { fulfilBy: wish.fulfilBy });
    if (!moved) continue;
    await countBoard(ctx, wish.town, boardDelta('claimed', next === 'returned' ? 'published' : 'expired'));
    if (next === 'returned') returned += 1;
    else lapsed += 1;
    const note = next === 'returned' ? '未在期限内上传完成照片，心愿已重新上墙' : '未在期限内上传完成照片，心愿已过期';
    if (wish.claimerId)
      notices.push(wishNotice(next === 'returned' ? 'wishReturned' : 'wishExpired', wish, wish.claimerId, note));
  }
  await queueWishNotices(ctx, notices);
  ctx.log.info('wishes-expired', { expired, returned, lapsed });
  return { expired, returned, lapsed };
}
