/** Function settings, read from the environment as the CloudBase console sets them. */
export interface Settings {
  hqOpenids: string[];
  piiKey?: string;
  reminderTemplateId?: string;
  noticeTemplateId?: string;
  reminderLeadMinutes: number;
}

export function readSettings(env: Record<string, string | undefined> = process.env): Settings {
  const lead = Number(env.REMINDER_LEAD_MINUTES);
  return {
    hqOpenids: (env.HQ_OPENIDS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    piiKey: env.PII_KEY || undefined,
    reminderTemplateId: env.REMINDER_TEMPLATE_ID || undefined,
    noticeTemplateId: env.NOTICE_TEMPLATE_ID || undefined,
    reminderLeadMinutes: Number.isFinite(lead) && lead > 0 ? lead : 120,
  };
}
