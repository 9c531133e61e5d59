/**
 * resources: claimWish fulfilWish confirmWish — one person or donor claims a wish on the wall (a conditional update
 * `published → claimed`: exactly one winner whatever the concurrency), fulfils it with photos, and the recipient's
 * side confirms it: thanks go out and the wish closes.
 */
import { denied, exhausted, invalid, precondition } from '../errors';
import { acceptImage } from '../files/index';
import type { Action } from '../handler';
import * as repo from '../repos/wishes';
import { MAX_OPEN_CLAIMS, PHOTOS_MAX, PHOTOS_MIN, boardDelta, fulfilByFrom } from '../rules/wishes';
import { id, listOf, optionalText, text, z } from '../schema';
import { checkText } from '../security';
import { countBoard } from './board-count';
import { loadWish, managesWish, photoId } from './wish-access';
import { countDonorFulfilment } from './donor-thanks';
import { claimantOf } from './wish-claimer';
import { queueWishNotices, wishNotice } from './wish-notices';

const TAKEN: Record<string, string> = {
  pending: '该心愿还在审核中',
  rejected: '该心愿未通过审核',
  claimed: '该心愿已被他人认领',
  fulfilled: '该心愿已被他人认领',
  closed: '该心愿已经圆梦',
  expired: '该心愿已过期',
};

export const claimWish: Action<{ wishId: string; requestId: string }, { status: 'claimed' }> = {
  access: 'anyone',
  input: z.object({ wishId: id('心愿'), requestId: id('请求编号') }),
  async run(input, ctx) {
    const wish = await loadWish(input.wishId);
    const again = (w: repo.WishDoc) => w.claimRequestId === input.requestId && w.claimerOpenid === ctx.openid;
    if (again(wish)) return { status: 'claimed' };
    if (wish.status !== 'published') throw precondition(TAKEN[wish.status] ?? '该心愿暂不能认领');
    const now = Date.now();
    if ((wish.expiresAt ?? 0) <= now) throw precondition('该心愿已过期');
    const claimant = await claimantOf(ctx);
    if (claimant.claimerId === wish.postedById) throw precondition('不能认领自己发布的心愿');
    const won = await repo.claim(wish._id, now, {
      status: 'claimed',
      claimedAt: now,
      fulfilBy: fulfilByFrom(now),
      claimerOpenid: ctx.openid,
      claimerId: claimant.claimerId,
      claimer: claimant.shown,
      ...(claimant.name ? { claimerName: claimant.name } : {}),
      claimRequestId: input.requestId,
      updatedAt: now,
    });
    if (!won) {
      // The same request may have won in a concurrent duplicate: it gets the same answer.
      const latest = await loadWish(wish._id);
      if (again(latest)) return { status: 'claimed' };
      throw precondition(TAKEN[latest.status] ?? '该心愿已被他人认领');
    }
    // The cap is counted after the claim, so claims made at once by one person are counted together: one past the
    // cap goes back on the wall (rarely, two at once both go back: never more than the cap).
    if ((await repo.openClaims(ctx.openid)) > MAX_OPEN_CLAIMS) {
      const mine = { claimerOpenid: ctx.openid, claimRequestId: input.requestId };
      await repo.transition(wish._id, ['claimed'], { status: 'published', updatedAt: now, ...repo.unclaimed() }, mine);
      throw exhausted(`你已有 ${MAX_OPEN_CLAIMS} 个心愿在认领中，请先完成后再认领新的心愿`);
    }
    await countBoard(ctx, wish.town, boardDelta('published', 'claimed'));
    return { status: 'claimed' };
  },
};

export const fulfilWish: Action<{ wishId: string; photoFileIds: string[]; note?: string }, { status: 'fulfilled' }> = {
  access: 'anyone',
  input: z.object({
    wishId: id('心愿'),
    photoFileIds: listOf('完成照片', photoId('完成照片'), PHOTOS_MAX).check(
      z.minLength(PHOTOS_MIN, '请上传至少 1 张完成照片'),
    ),
    note: optionalText('完成说明', 200),
  }),
  async run(input, ctx) {
    const wish = await loadWish(input.wishId);
    if (wish.claimerOpenid !== ctx.openid) throw denied('只有认领人可以上传完成照片');
    if (wish.status !== 'claimed') throw precondition('该心愿不在认领中，不能上传完成照片');
    if (new Set(input.photoFileIds).size !== input.photoFileIds.length) throw invalid('完成照片有重复，请重新选择');
    await checkText(ctx, { note: input.note });
    const prefix = `wishes/${wish.claimerId}/`;
    const accepted = await Promise.all(
      input.photoFileIds.map((f) => acceptImage(ctx, f, { prefix, purpose: 'fulfilment', ref: wish._id })),
    );
    const now = Date.now();
    const fulfilment = {
      photoFileIds: accepted.map((a) => a.fileId),
      ...(input.note ? { note: input.note } : {}),
      at: now,
    };
    const moved = await repo.transition(
      wish._id,
      ['claimed'],
      { status: 'fulfilled', fulfilment, updatedAt: now },
      { claimerOpenid: ctx.openid },
    );
    if (!moved) throw precondition('该心愿不在认领中，不能上传完成照片');
    await countBoard(ctx, wish.town, boardDelta('claimed', 'fulfilled'));
    if (wish.claimer?.kind === 'donor' && wish.claimerId) {
      // The board's thanks: never fails the fulfilment, which has already happened.
      await countDonorFulfilment(wish.claimerId).catch((error: Error) =>
        ctx.log.error('donor-count-failed', { donorId: wish.claimerId, message: error?.message }),
      );
    }
    await queueWishNotices(ctx, [
      wishNotice('wishFulfilled', wish, wish.postedById, '认领人已上传完成照片，请确认收到'),
    ]);
    return { status: 'fulfilled' };
  },
};

export const confirmWish: Action<{ wishId: string; thanks?: string }, { status: 'closed' }> = {
  access: 'volunteer',
  input: z.object({ wishId: id('心愿'), thanks: z.optional(text('感谢的话', 100)) }),
  async run(input, ctx) {
    const wish = await loadWish(input.wishId);
    if (!(await managesWish(ctx, wish))) throw denied('仅心愿的发布者或该镇区的社工可以确认');
    if (wish.status !== 'fulfilled') throw precondition('认领人还没有上传完成照片，暂不能确认');
    await checkText(ctx, { thanks: input.thanks });
    const now = Date.now();
    const patch = {
      status: 'closed',
      closedAt: now,
      updatedAt: now,
      ...(input.thanks ? { thanks: input.thanks } : {}),
    };
    if (!(await repo.transition(wish._id, ['fulfilled'], patch))) throw precondition('该心愿已确认');
    const note = input.thanks ?? '心愿已圆梦，感谢您的爱心';
    if (wish.claimerId) await queueWishNotices(ctx, [wishNotice('wishThanks', wish, wish.claimerId, note)]);
    return { status: 'closed' };
  },
};
