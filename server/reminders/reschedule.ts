/**
 * When a leader moves a post, its queued reminders follow: pending reminders become due `REMINDER_LEAD_MINUTES`
 * before the new start (one update). Without this hook a post moved later is still handled at send time (the
 * timer puts the reminder off), but one moved earlier would be reminded late.
 */
import * as outbox from '../repos/outbox';
import type { RequestContext } from '../context';
import { reminderDueAt } from '../rules/outbox';

export async function rescheduleReminders(ctx: RequestContext, postId: string, startAt: number): Promise<void> {
  try {
    await outbox.reschedulePost(postId, reminderDueAt(startAt, ctx.settings.reminderLeadMinutes), Date.now());
  } catch (error) {
    ctx.log.error('reminders-not-rescheduled', { postId, message: (error as Error)?.message });
  }
}
