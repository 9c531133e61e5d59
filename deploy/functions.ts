/**
 * Every cloud function's deploy settings, in one place: timeout, the function settings (environment variable
 * names) its code reads, timer triggers and open-API permissions. `npm run build` generates cloudbaserc.json and
 * each cloudfunctions/<name>/config.json and package.json from it; `npm run deploy` deploys it.
 * test/unit/deploy-settings.test.ts checks that `settings` names exactly what each function's bundled code reads.
 */
import type { FunctionName } from '../typings/api/index';
import type { Settings } from '../server/settings';

export type SettingName =
  'HQ_OPENIDS' | 'PII_KEY' | 'REMINDER_TEMPLATE_ID' | 'NOTICE_TEMPLATE_ID' | 'REMINDER_LEAD_MINUTES';

/** Which environment variable each field of server/settings.ts comes from. */
export const SETTING_OF_FIELD: Record<keyof Settings, SettingName> = {
  hqOpenids: 'HQ_OPENIDS',
  piiKey: 'PII_KEY',
  reminderTemplateId: 'REMINDER_TEMPLATE_ID',
  noticeTemplateId: 'NOTICE_TEMPLATE_ID',
  reminderLeadMinutes: 'REMINDER_LEAD_MINUTES',
};

export const SETTING_NAMES = Object.values(SETTING_OF_FIELD);

/** Settings the code gives a default when unset (server/settings.ts): a deploy without them only warns. */
export const OPTIONAL_SETTINGS: SettingName[] = ['REMINDER_LEAD_MINUTES'];

export interface TimerTriggerSpec {
  name: string;
  /** Seven fields: sec min hour day month weekday year (Asia/Shanghai). */
  cron: string;
}

export interface FunctionSpec {
  name: FunctionName;
  /** Seconds. */
  timeout: number;
  settings: SettingName[];
  triggers: TimerTriggerSpec[];
  openapi: string[];
}

export const RUNTIME = 'Nodejs18.15';
export const HANDLER = 'index.main';
/** The wx-server-sdk each function installs in the cloud (the same version the tests run against). */
export const SDK_VERSION = '4.0.2';

/**
 * Message push (消息推送) goes to this cloud function: the platform's asynchronous events, here the result of
 * security.mediaCheckAsync (`wxa_media_check`). Set in the mini program's console (开发管理 → 消息推送, data
 * format JSON, target: this cloud function); the local cloud delivers there too. See docs/deploy.md.
 */
export const MESSAGE_PUSH: { function: FunctionName; events: string[] } = {
  function: 'volunteers',
  events: ['wxa_media_check'],
};

export const FUNCTIONS: FunctionSpec[] = [
  {
    name: 'volunteers',
    timeout: 20,
    settings: ['HQ_OPENIDS', 'PII_KEY'],
    triggers: [{ name: 'daily-expire-qualifications', cron: '0 10 0 * * * *' }],
    openapi: ['security.msgSecCheck', 'wxacode.getUnlimited', 'security.mediaCheckAsync'],
  },
  {
    name: 'brigades',
    timeout: 10,
    settings: ['HQ_OPENIDS', 'PII_KEY', 'NOTICE_TEMPLATE_ID'],
    triggers: [],
    openapi: ['security.msgSecCheck', 'wxacode.getUnlimited'],
  },
  {
    name: 'posts',
    timeout: 10,
    settings: ['HQ_OPENIDS', 'PII_KEY', 'NOTICE_TEMPLATE_ID', 'REMINDER_LEAD_MINUTES'],
    triggers: [],
    openapi: ['security.msgSecCheck', 'wxacode.getUnlimited'],
  },
  {
    name: 'timebank',
    timeout: 20,
    settings: ['HQ_OPENIDS', 'PII_KEY', 'NOTICE_TEMPLATE_ID'],
    triggers: [],
    openapi: ['security.msgSecCheck', 'wxacode.getUnlimited'],
  },
  {
    name: 'stars',
    timeout: 60,
    settings: ['HQ_OPENIDS'],
    triggers: [{ name: 'daily-recompute', cron: '0 0 3 * * * *' }],
    openapi: ['security.msgSecCheck'],
  },
  {
    name: 'reminders',
    timeout: 60,
    settings: ['HQ_OPENIDS', 'REMINDER_TEMPLATE_ID', 'NOTICE_TEMPLATE_ID', 'REMINDER_LEAD_MINUTES'],
    triggers: [{ name: 'send-due', cron: '0 */5 * * * * *' }],
    openapi: ['subscribeMessage.send'],
  },
  {
    name: 'stats',
    timeout: 60,
    settings: ['HQ_OPENIDS'],
    triggers: [{ name: 'nightly-reconcile', cron: '0 30 3 * * * *' }],
    openapi: [],
  },
  {
    name: 'needs',
    timeout: 20,
    settings: ['HQ_OPENIDS', 'PII_KEY', 'NOTICE_TEMPLATE_ID'],
    triggers: [{ name: 'expire-offers', cron: '0 0 * * * * *' }],
    openapi: ['security.msgSecCheck'],
  },
  {
    name: 'resources',
    timeout: 20,
    settings: ['HQ_OPENIDS', 'PII_KEY', 'NOTICE_TEMPLATE_ID'],
    triggers: [{ name: 'expire-wishes', cron: '0 0 * * * * *' }],
    openapi: ['security.msgSecCheck', 'security.mediaCheckAsync'],
  },
];
