/**
 * The outbox as a phone shows a subscribe message: the template's title, each field as a label and its value,
 * the page it opens, to whom and when. Titles and labels are those of the project's two templates
 * (docs/product.md: REMINDER_TEMPLATE_ID, NOTICE_TEMPLATE_ID); other keys show as they are.
 */
import type { OutboxEntry } from '../outbox';

export interface MessageView {
  id: number;
  time: string;
  at: number;
  apiName: string;
  function?: string;
  touser?: string;
  title: string;
  rows: { key: string; label: string; value: string }[];
  page?: string;
  templateId?: string;
}

const REMINDER = {
  title: '活动开始提醒',
  labels: { thing1: '活动名称', time2: '开始时间', thing3: '活动地点', thing4: '主办大队' },
};
const NOTICE = { title: '服务进度通知', labels: { thing1: '事项', phrase2: '状态', thing3: '备注' } };

export function messageView(entry: OutboxEntry, settings: Record<string, string>): MessageView {
  const data = entry.data;
  const templateId = typeof data.template_id === 'string' ? data.template_id : undefined;
  const template =
    templateId && templateId === settings.REMINDER_TEMPLATE_ID
      ? REMINDER
      : templateId && templateId === settings.NOTICE_TEMPLATE_ID
        ? NOTICE
        : undefined;
  const fields = data.data && typeof data.data === 'object' ? (data.data as Record<string, { value?: unknown }>) : {};
  const labels: Record<string, string> = template?.labels ?? {};
  return {
    id: entry.id,
    time: entry.time,
    at: entry.at,
    apiName: entry.apiName,
    function: entry.function,
    touser: entry.touser,
    templateId,
    title:
      template?.title ??
      (entry.apiName === 'subscribeMessage.send' ? `订阅消息（${templateId ?? '未知模板'}）` : entry.apiName),
    rows: Object.entries(fields).map(([key, item]) => ({
      key,
      label: labels[key] ?? key,
      value: String(item?.value ?? ''),
    })),
    page: typeof data.page === 'string' ? data.page : undefined,
  };
}
