/**
 * reminders: one-time subscribe-message grants reported after `wx.requestSubscribeMessage`, and the template
 * ids the page asks for. The timer trigger (every 5 minutes) sends due reminders and queued notices.
 */
export interface SubscribeRequest {
  /** A post the caller signed up for (reminder or notice template). Exactly one of postId / brigadeId / kind. */
  postId?: string;
  /** A brigade the caller applied to join (notice template only: told when the leader approves). */
  brigadeId?: string;
  /** The notices of 我的结对 (结对邀请, 服务结束) or of my wishes (微心愿): notice template only. */
  kind?: 'needs' | 'wishes';
  /** A template the user accepted; must be one of the configured ones. */
  templateId: string;
}

export interface SubscribeResponse {
  subscribed: true;
  /** When the reminder will be sent (epoch ms), for a reminder grant. */
  remindAt?: number;
}

/** What the page passes to `wx.requestSubscribeMessage({ tmplIds })`; absent ids are not configured. */
export interface TemplatesResponse {
  reminderTemplateId?: string;
  noticeTemplateId?: string;
  /** Minutes before the start at which the reminder is sent. */
  leadMinutes: number;
}

export interface RemindersApi {
  subscribe: { req: SubscribeRequest; res: SubscribeResponse };
  templates: { req: Record<string, never>; res: TemplatesResponse };
}
