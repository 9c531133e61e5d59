/**
 * When a leader moves a post, its queued reminders follow: pending reminders become due `REMINDER_LEAD_MINUTES`
 * before the new start (one update). Without this hook a post moved later is still handled at send time (the
 * timer puts the reminder off), but one moved earlier would be reminded late.
 */
import { _, db } from '../cloud';
import type { RequestContext } from '../context';
import { reminderDueAt } from '../rules/outbox';

export async function rescheduleReminders(ctx: RequestContext, postId: string, startAt: number): Promise<void> {
  try {
    await db
      .collection('outbox')
      .where({ postId, kind: 'reminder', status: 'pending' })
      .update({ data: { dueAt: reminderDueAt(startAt, ctx.settings.reminderLeadMinutes), updatedAt: Date.now() } });
  } catch (error) {
    ctx.log.error('reminders-not-rescheduled', { postId, message: (error as Error)?.message });
  }
}
