/**
 * reminders.subscribe / templates. After `wx.requestSubscribeMessage` the page reports each accepted template:
 * a grant per (sign-up or membership, template). A reminder grant also queues the sign-up's reminder in the
 * outbox, due `REMINDER_LEAD_MINUTES` before the start, so the timer finds it by an indexed query.
 */
import type { SubscribeRequest, SubscribeResponse, TemplatesResponse } from '../../typings/api/reminders';
import type { RequestContext } from '../context';
import { invalid, notFound } from '../errors';
import type { Action } from '../handler';
import * as memberships from '../repos/memberships';
import * as outbox from '../repos/outbox';
import * as signups from '../repos/signups';
import * as subscriptions from '../repos/subscriptions';
import type { VolunteerDoc } from '../repos/volunteers';
import { grantId, membershipSubject, messageKey, postPage, reminderDueAt, signupSubject } from '../rules/outbox';
import { id, none, oneOf, z } from '../schema';
import { needsSubject, wishesSubject } from './notices';

const input = z.object({
  postId: z.optional(id('招募')),
  brigadeId: z.optional(id('大队')),
  kind: z.optional(oneOf('订阅类型', ['needs', 'wishes'] as const)),
  templateId: id('订阅消息模板'),
});

/** Which configured template this is, or INVALID_ARGUMENT. */
function templateKind(ctx: RequestContext, templateId: string): 'reminder' | 'notice' {
  if (templateId === ctx.settings.reminderTemplateId) return 'reminder';
  if (templateId === ctx.settings.noticeTemplateId) return 'notice';
  throw invalid('不支持的订阅消息模板', { templateId: '不支持的订阅消息模板' });
}

async function grant(ctx: RequestContext, volunteer: VolunteerDoc, subject: string, templateId: string) {
  await subscriptions.grant({
    _id: grantId(subject, templateId),
    subject,
    templateId,
    openid: ctx.openid,
    volunteerId: volunteer._id,
    status: 'granted',
    grantedAt: Date.now(),
  });
}

/** Queues the sign-up's reminder, or queues it again if an earlier one ended unsent (a new grant). */
async function queueReminder(ctx: RequestContext, signup: signups.SignupDoc, templateId: string): Promise<number> {
  const now = Date.now();
  const subject = signupSubject(signup._id);
  const key = messageKey('reminder', subject, templateId);
  const dueAt = reminderDueAt(signup.startAt, ctx.settings.reminderLeadMinutes);
  const added = await outbox.insert({
    _id: key,
    key,
    kind: 'reminder',
    templateId,
    subject,
    grantId: grantId(subject, templateId),
    touser: ctx.openid,
    postId: signup.postId,
    signupId: signup._id,
    page: postPage(signup.postId),
    status: 'pending',
    dueAt,
    attempts: 0,
    history: [{ at: now, event: 'queued' }],
    createdAt: now,
    updatedAt: now,
  });
  if (!added && (await outbox.rearm(key, dueAt, now))) ctx.log.info('reminder-rearmed', { key });
  return dueAt;
}

export const subscribe: Action<SubscribeRequest, SubscribeResponse> = {
  access: 'volunteer',
  input: input as unknown as Action<SubscribeRequest, SubscribeResponse>['input'],
  async run(req, ctx) {
    if ([req.postId, req.brigadeId, req.kind].filter(Boolean).length !== 1) {
      throw invalid('请指定要订阅的招募、大队或结对通知');
    }
    const kind = templateKind(ctx, req.templateId);
    const volunteer = await ctx.requireVolunteer();
    if (req.kind) {
      if (kind !== 'notice') throw invalid('结对通知只能订阅通知消息', { templateId: '不支持的订阅消息模板' });
      const subject = req.kind === 'wishes' ? wishesSubject(volunteer._id) : needsSubject(volunteer._id);
      await grant(ctx, volunteer, subject, req.templateId);
      return { subscribed: true };
    }
    if (req.brigadeId) {
      if (kind !== 'notice') throw invalid('大队审核只能订阅通知消息', { templateId: '不支持的订阅消息模板' });
      const membership = await memberships.find(req.brigadeId, volunteer._id);
      if (!membership || membership.status === 'left' || membership.status === 'rejected') {
        throw notFound('你没有申请加入该大队');
      }
      await grant(ctx, volunteer, membershipSubject(membership._id), req.templateId);
      return { subscribed: true };
    }
    const signup = await signups.find(req.postId as string, volunteer._id);
    if (!signup || (signup.status !== 'confirmed' && signup.status !== 'waitlisted')) {
      throw notFound('你没有报名该服务');
    }
    await grant(ctx, volunteer, signupSubject(signup._id), req.templateId);
    if (kind === 'notice') return { subscribed: true };
    return { subscribed: true, remindAt: await queueReminder(ctx, signup, req.templateId) };
  },
};

export const templates: Action<Record<string, never>, TemplatesResponse> = {
  access: 'anyone',
  input: none,
  run(_input, ctx) {
    const { reminderTemplateId, noticeTemplateId, reminderLeadMinutes } = ctx.settings;
    return Promise.resolve({
      ...(reminderTemplateId ? { reminderTemplateId } : {}),
      ...(noticeTemplateId ? { noticeTemplateId } : {}),
      leadMinutes: reminderLeadMinutes,
    });
  },
};
