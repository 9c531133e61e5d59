/**
 * Notice producers: the posts and brigades actions call these to queue a notice (已取消 / 已转正 / 已通过) in
 * the outbox — one write, no send. The timer sends each to the person if they hold a notice grant for that
 * sign-up or membership, and records it as skipped otherwise. Queueing never fails the action that called it:
 * the action has already happened, so an error is logged instead.
 */
import type { RequestContext } from '../context';
import * as outbox from '../repos/outbox';
import type { PostDoc } from '../repos/posts';
import * as signups from '../repos/signups';
import {
  approvedNote,
  brigadePage,
  cancelledNote,
  grantId,
  membershipSubject,
  messageKey,
  noticeData,
  postPage,
  promotedNote,
  signupSubject,
  type NoticeKind,
  type TemplateData,
} from '../rules/outbox';

export interface Notice {
  kind: NoticeKind;
  subject: string;
  page: string;
  data: TemplateData;
  postId?: string;
  signupId?: string;
  /** The grant that lets it be sent, when not the subject's own (needs notices: the volunteer's). */
  grantSubject?: string;
}

/** A volunteer's grant for the notices of 我的结对 (结对邀请, 服务结束), given on the needs pages. */
export const needsSubject = (volunteerId: string) => `needs:${volunteerId}`;
/** A volunteer's grant for the notices of wishes they posted or claimed (请确认, 收到感谢, 认领超时, 已过期). */
export const wishesSubject = (volunteerId: string) => `wishes:${volunteerId}`;

function noticeDoc(templateId: string, notice: Notice, now: number): outbox.MessageDoc {
  const key = messageKey(notice.kind, notice.subject, templateId);
  return {
    _id: key,
    key,
    kind: notice.kind,
    templateId,
    subject: notice.subject,
    grantId: grantId(notice.grantSubject ?? notice.subject, templateId),
    ...(notice.postId ? { postId: notice.postId } : {}),
    ...(notice.signupId ? { signupId: notice.signupId } : {}),
    page: notice.page,
    data: notice.data,
    status: 'pending',
    dueAt: now,
    attempts: 0,
    history: [{ at: now, event: 'queued' }],
    createdAt: now,
    updatedAt: now,
  };
}

export async function queue(ctx: RequestContext, notices: Notice[]): Promise<number> {
  const templateId = ctx.settings.noticeTemplateId;
  if (!templateId || notices.length === 0) return 0;
  const now = Date.now();
  try {
    const queued = await outbox.insertMany(notices.map((n) => noticeDoc(templateId, n, now)));
    ctx.log.info('notices-queued', { kind: notices[0].kind, queued });
    return queued;
  } catch (error) {
    ctx.log.error('notices-not-queued', { kind: notices[0].kind, message: (error as Error)?.message });
    return 0;
  }
}

const signupNotice = (kind: NoticeKind, post: PostDoc, signupId: string, note: string): Notice => ({
  kind,
  subject: signupSubject(signupId),
  page: postPage(post._id),
  data: noticeData(kind, post.title, note),
  postId: post._id,
  signupId,
});

/**
 * 已取消, with the leader's reason, for everyone still signed up (confirmed or waitlisted). Call it after the
 * post is marked cancelled and before its sign-ups are: one read of them (bounded by quota + waitlist), one write.
 */
export async function queueCancelNotices(ctx: RequestContext, post: PostDoc, reason: string): Promise<number> {
  try {
    const live = await signups.ofPost(post._id, Math.min(1000, post.quota + post.waitlistCount + 20));
    const note = cancelledNote(reason);
    return await queue(
      ctx,
      live.map((s) => signupNotice('cancelled', post, s._id, note)),
    );
  } catch (error) {
    ctx.log.error('notices-not-queued', { kind: 'cancelled', message: (error as Error)?.message });
    return 0;
  }
}

/** 已转正 for volunteers just moved up from the waitlist. */
export function queuePromotedNotices(ctx: RequestContext, post: PostDoc, promoted: { _id: string }[]): Promise<number> {
  const note = promotedNote(post.startAt);
  return queue(
    ctx,
    promoted.map((s) => signupNotice('promoted', post, s._id, note)),
  );
}

/** 已通过 when a leader approves a membership application. */
export function queueApprovedNotice(
  ctx: RequestContext,
  brigade: { _id: string; name: string },
  membershipId: string,
): Promise<number> {
  return queue(ctx, [
    {
      kind: 'approved',
      subject: membershipSubject(membershipId),
      page: brigadePage(brigade._id),
      data: noticeData('approved', brigade.name, approvedNote()),
    },
  ]);
}
