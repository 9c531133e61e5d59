/**
 * posts.roster / checkinCode / checkin / checkout — the leader shows a QR of a code that changes every minute;
 * confirmed volunteers check in from 30 minutes before the start to the end, and out afterwards; wrong codes are
 * limited per volunteer and post (rules/checkin-attempts.ts).
 */
import type { RosterEntry } from '../../typings/api/posts';
import { deriveKey } from '../rules/pii';
import { exhausted, invalid, precondition } from '../errors';
import type { Action } from '../handler';
import { piiKey } from '../pii';
import * as attempts from '../repos/checkin-attempts';
import * as signups from '../repos/signups';
import type { RequestContext } from '../context';
import { CODE_MISS_LIMIT, TOO_MANY_MISSES, missWindowOf } from '../rules/checkin-attempts';
import {
  CHECKOUT_CLOSES_AFTER,
  checkinCode as codeOf,
  checkinOpen,
  overlapMinutes,
  verifyCheckinCode,
} from '../rules/posts';
import { loadPost, requirePostLeader } from './access';
import { codeInput, postIdInput } from './schema';
import * as records from '../repos/records';

const codeKey = (ctx: RequestContext) => deriveKey(piiKey(ctx), 'checkin');

const recordOf = (r: records.RecordDoc | undefined): Pick<RosterEntry, 'record'> =>
  r
    ? { record: { status: r.status, minutes: r.minutes, ...(r.rating !== undefined ? { rating: r.rating } : {}) } }
    : {};

export const roster: Action<{ postId: string }, { items: RosterEntry[] }> = {
  access: 'volunteer',
  input: postIdInput,
  async run(input, ctx) {
    const post = await requirePostLeader(ctx, input.postId);
    const rows = await signups.ofPost(post._id);
    const confirmed = rows.filter((s) => s.status === 'confirmed').map((s) => s.volunteerId);
    const recorded = new Map((await records.ofPostFor(post._id, confirmed)).map((r) => [r.volunteerId, r]));
    // Same order on every run: status, waitlist place, sign-up time, then the volunteer id for exact ties.
    const order = { confirmed: 0, waitlisted: 1, withdrawn: 2, cancelled: 3 };
    let position = 0;
    return {
      items: rows
        .sort(
          (a, b) =>
            order[a.status] - order[b.status] ||
            a.seq - b.seq ||
            a.signedUpAt - b.signedUpAt ||
            a.volunteerId.localeCompare(b.volunteerId),
        )
        .map((s) => ({
          volunteerId: s.volunteerId,
          name: s.name,
          cardNo: s.cardNo,
          status: s.status,
          ...(s.status === 'waitlisted' ? { position: (position += 1) } : {}),
          ...(s.checkinAt ? { checkinAt: s.checkinAt } : {}),
          ...(s.checkoutAt ? { checkoutAt: s.checkoutAt } : {}),
          ...recordOf(recorded.get(s.volunteerId)),
        })),
    };
  },
};

export const checkinCode: Action<{ postId: string }, { code: string; expiresAt: number }> = {
  access: 'volunteer',
  input: postIdInput,
  async run(input, ctx) {
    const post = await requirePostLeader(ctx, input.postId);
    if (post.status !== 'published') throw precondition('该招募已取消');
    const now = Date.now();
    if (now > post.endAt + CHECKOUT_CLOSES_AFTER) throw precondition('服务已结束，签到签退已关闭');
    return codeOf(codeKey(ctx), post._id, now);
  },
};

async function confirmedSignup(ctx: RequestContext, postId: string) {
  const [volunteer, post] = await Promise.all([ctx.requireVolunteer(), loadPost(postId)]);
  const signup = await signups.find(post._id, volunteer._id);
  if (!signup || signup.status !== 'confirmed') throw precondition('你没有该服务的有效报名，不能签到');
  return { post, signup };
}

/**
 * Checks a check-in or check-out code under the attempt limit: once 5 wrong codes are counted in the window even
 * the right one is refused, so parallel guesses learn nothing past the limit. The right code costs one read.
 */
async function checkCode(ctx: RequestContext, signup: signups.SignupDoc, code: string, now: number, wrong: string) {
  const key = { postId: signup.postId, volunteerId: signup.volunteerId, windowStart: missWindowOf(now) };
  const misses = await attempts.missesIn(key);
  if (misses !== undefined && misses >= CODE_MISS_LIMIT) throw exhausted(TOO_MANY_MISSES);
  if (verifyCheckinCode(codeKey(ctx), signup.postId, code, now)) return;
  if (!(await attempts.countMiss(key, CODE_MISS_LIMIT, misses === undefined))) throw exhausted(TOO_MANY_MISSES);
  throw invalid(wrong);
}

export const checkin: Action<{ postId: string; code: string }, { checkinAt: number }> = {
  access: 'volunteer',
  input: codeInput,
  async run(input, ctx) {
    const { post, signup } = await confirmedSignup(ctx, input.postId);
    if (signup.checkinAt) return { checkinAt: signup.checkinAt };
    const now = Date.now();
    if (post.status !== 'published') throw precondition('该招募已取消');
    if (!checkinOpen(now, post.startAt, post.endAt))
      throw precondition('不在签到时间内：开始前 30 分钟至结束前可以签到');
    await checkCode(ctx, signup, input.code, now, '签到码不正确或已过期，请重新扫码');
    await signups.transition(signup._id, ['confirmed'], { checkinAt: now });
    return { checkinAt: now };
  },
};

export const checkout: Action<{ postId: string; code: string }, { checkoutAt: number; minutes: number }> = {
  access: 'volunteer',
  input: codeInput,
  async run(input, ctx) {
    const { post, signup } = await confirmedSignup(ctx, input.postId);
    if (!signup.checkinAt) throw precondition('请先签到');
    if (signup.checkoutAt) {
      return {
        checkoutAt: signup.checkoutAt,
        minutes: overlapMinutes(signup.checkinAt, signup.checkoutAt, post.startAt, post.endAt),
      };
    }
    const now = Date.now();
    if (now > post.endAt + CHECKOUT_CLOSES_AFTER) throw precondition('签退时间已过，请联系大队负责人录入服务时长');
    await checkCode(ctx, signup, input.code, now, '签退码不正确或已过期，请重新扫码');
    await signups.transition(signup._id, ['confirmed'], { checkoutAt: now });
    return { checkoutAt: now, minutes: overlapMinutes(signup.checkinAt, now, post.startAt, post.endAt) };
  },
};
