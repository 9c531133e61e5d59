/** 导出我的数据: the export (volunteers.exportMine) as readable rows and sections, and its file name. */
import { HONOUR_LABELS, SLOT_LABELS, WEEKDAY_LABELS, type ExportMineResponse, type Profile } from '../../typings/index';
import { shanghai } from '../../utils/time';

export interface Row {
  label: string;
  value: string;
}

export interface Section {
  title: string;
  count: number;
  lines: string[];
  /** How many more are in the file than shown here. */
  more: number;
}

/** Lines shown per section; the file holds everything. */
export const SHOWN = 20;

type Doc = Record<string, unknown>;
const text = (doc: Doc, key: string): string => (typeof doc[key] === 'string' ? (doc[key] as string) : '');
const num = (doc: Doc, key: string): number => (typeof doc[key] === 'number' ? (doc[key] as number) : 0);
/** Dates with the year: an export is read long after. */
const day = (ms: number) => (ms ? shanghai(ms).format('YYYY年M月D日') : '');
export const dateTime = (ms: number) => shanghai(ms).format('YYYY年M月D日 HH:mm');
const join = (...parts: string[]) => parts.filter(Boolean).join(' · ');

const MEMBERSHIP: Record<string, string> = { active: '已加入', pending: '待审核', rejected: '未通过', left: '已退出' };
const SIGNUP: Record<string, string> = {
  confirmed: '已报名',
  waitlisted: '候补',
  cancelled: '已取消',
  withdrawn: '已取消',
};

export function profileRows(profile: Profile): Row[] {
  const rows: Row[] = [
    { label: '姓名', value: profile.name },
    { label: '义工证号', value: profile.cardNo },
    { label: '手机号', value: profile.mobile },
    { label: '所在镇区', value: profile.town },
    { label: '所在社区', value: profile.community || '未填写' },
    { label: '出生年份', value: `${profile.birthYear} 年` },
    { label: '专长', value: profile.specialties.join('、') || '未填写' },
    { label: '服务意向', value: profile.intentions.join('、') || '未填写' },
    { label: '服务区域', value: profile.serviceAreas.join('、') || '未填写' },
    {
      label: '可服务时间',
      value:
        profile.availability.map((a) => `${WEEKDAY_LABELS[a.weekday]}${SLOT_LABELS[a.slot]}`).join('、') || '未填写',
    },
  ];
  if (profile.guardian) rows.push({ label: '监护人', value: `${profile.guardian.name} ${profile.guardian.mobile}` });
  rows.push(
    { label: '登记时间', value: dateTime(profile.registeredAt) },
    { label: '同意隐私指引', value: `版本 ${profile.privacyConsent.version}，${day(profile.privacyConsent.at)}` },
  );
  return rows;
}

function section<T>(title: string, items: readonly T[], line: (item: T) => string): Section {
  return {
    title,
    count: items.length,
    lines: items.slice(0, SHOWN).map(line),
    more: Math.max(0, items.length - SHOWN),
  };
}

const MESSAGE: Record<string, string> = {
  reminder: '服务提醒',
  cancelled: '服务取消通知',
  promoted: '候补转正通知',
  approved: '入队审核通过通知',
};
const SENT: Record<string, string> = { sent: '已发送', pending: '待发送', sending: '待发送' };
const subjectOf = (subject: string) => (subject.startsWith('membership:') ? '入队审核结果通知' : '报名的服务提醒');

const minutes = (m: number) => `${m > 0 ? '+' : ''}${m} 分钟`;

export function dataSections(data: ExportMineResponse): Section[] {
  const docs = (list: unknown[]) => list as Doc[];
  return [
    section('大队', docs(data.memberships), (m) =>
      join(text(m, 'brigadeName'), MEMBERSHIP[text(m, 'status')] ?? text(m, 'status'), day(num(m, 'joinedAt'))),
    ),
    section('小组', data.groups, (g) => g.name),
    section('报名', docs(data.signups), (s) =>
      join(text(s, 'postTitle'), day(num(s, 'startAt')), SIGNUP[text(s, 'status')] ?? text(s, 'status')),
    ),
    section('服务记录', docs(data.records), (r) =>
      join(
        text(r, 'postTitle'),
        day(num(r, 'serviceDate')),
        text(r, 'status') === 'absent' ? '缺席' : `${num(r, 'minutes')} 分钟`,
      ),
    ),
    section('时间银行流水', docs(data.ledger), (e) =>
      join(day(num(e, 'at')), minutes(num(e, 'minutes')), text(e, 'counterparty'), text(e, 'note')),
    ),
    section('订阅消息授权', data.subscriptions, (s) =>
      join(subjectOf(s.subject), s.status === 'used' ? '已使用' : '未使用', day(s.grantedAt)),
    ),
    section('收到的消息', data.messages, (m) =>
      join(MESSAGE[m.kind] ?? m.kind, SENT[m.status] ?? '未发送', day(m.createdAt)),
    ),
    section('荣誉', data.honours, (h) => join(`${h.year ? `${h.year} 年度` : ''}${HONOUR_LABELS[h.honour]}`, h.reason)),
    section('星级变化', data.starChanges, (c) => join(day(c.at), `${c.from} 星 → ${c.to} 星`)),
  ];
}

/** `博爱义工-我的数据-20260301.json`. */
export const fileNameOf = (exportedAt: number) => `博爱义工-我的数据-${shanghai(exportedAt).format('YYYYMMDD')}.json`;
