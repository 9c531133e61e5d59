/**
 * Notices of wishes, queued in the outbox (sent by the reminders timer to whoever holds the `wishes:` grant):
 * 请确认 to the poster when the photos are in, 收到感谢 to the claimer when the wish closes, 认领超时 / 已过期 from
 * the hourly timer.
 */
import type { RequestContext } from '../context';
import { queue, wishesSubject, type Notice } from '../reminders/notices';
import type { WishDoc } from '../repos/wishes';
import { noticeData, type NoticeKind } from '../rules/outbox';

export const wishPage = (wishId: string) => `resources/pages/wish/index?wishId=${encodeURIComponent(wishId)}`;

type WishNoticeKind = Extract<NoticeKind, 'wishFulfilled' | 'wishThanks' | 'wishReturned' | 'wishExpired'>;

export function wishNotice(kind: WishNoticeKind, wish: WishDoc, toVolunteerId: string, note: string): Notice {
  return {
    kind,
    subject: `wish:${wish._id}`,
    grantSubject: wishesSubject(toVolunteerId),
    page: wishPage(wish._id),
    data: noticeData(kind, `${wish.recipient.displayName}的心愿：${wish.title}`, note),
  };
}

export const queueWishNotices = (ctx: RequestContext, notices: Notice[]) => queue(ctx, notices);
