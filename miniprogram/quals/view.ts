/** How the qualification pages word a certificate: 状态, 日期, and the add form's checks (the server holds the same). */
import { QUALIFICATION_TYPES } from '../typings/index';
import type { Qualification, QualificationStatus, QueuedQualification } from '../typings/index';
import { formatDate } from '../utils/time';

export const STATUS_TEXT: Record<QualificationStatus, string> = {
  pending: '审核中',
  verified: '已认证',
  rejected: '未通过',
  expired: '已过期',
};
const STATUS_TAG: Record<QualificationStatus, string> = {
  pending: 'warning',
  verified: 'success',
  rejected: 'danger',
  expired: 'default',
};

export interface QualView {
  qualificationId: string;
  volunteerId: string;
  type: string;
  title: string;
  status: QualificationStatus;
  statusText: string;
  tag: string;
  dates: string;
  /** 未通过的原因, or what happens next. */
  note: string;
  photoUrl: string;
}

export function datesText(q: Pick<Qualification, 'issuedAt' | 'expiresAt'>): string {
  const issued = q.issuedAt ? `${formatDate(q.issuedAt)}发证` : '';
  const until = q.expiresAt ? `有效期至 ${formatDate(q.expiresAt)}` : '长期有效';
  return issued ? `${issued} · ${until}` : until;
}

function noteOf(q: Qualification): string {
  if (q.status === 'rejected') return `未通过原因：${q.reason ?? '未说明'}`;
  if (q.status === 'pending')
    return q.media === 'checking' ? '照片安全检测中，之后由负责人审核' : '等待大队负责人或社工审核';
  if (q.status === 'verified') return q.reviewedBy ? `${q.reviewedBy} 审核通过` : '';
  return '已过期，不再计入报名和配对，可上传新证书';
}

export const toQualView = (q: Qualification): QualView => ({
  qualificationId: q.qualificationId,
  volunteerId: q.volunteerId,
  type: q.type,
  title: q.title ?? '',
  status: q.status,
  statusText: STATUS_TEXT[q.status],
  tag: STATUS_TAG[q.status],
  dates: datesText(q),
  note: noteOf(q),
  photoUrl: q.photoUrl ?? '',
});

export interface QueueView extends QualView {
  who: string;
  submitted: string;
}

export const toQueueView = (q: QueuedQualification): QueueView => ({
  ...toQualView(q),
  who: `${q.name} · ${q.cardNo} · ${q.town}`,
  submitted: `${formatDate(q.submittedAt)}提交`,
});

/** The add form. Dates are epoch ms, 0 while not chosen. */
export interface QualForm {
  type: string;
  title: string;
  issuedAt: number;
  expiresAt: number;
}

export type QualErrors = Partial<Record<keyof QualForm | 'photo', string>>;

export const emptyQualForm = (): QualForm => ({ type: '', title: '', issuedAt: 0, expiresAt: 0 });

export const typeChips = (selected = '') => QUALIFICATION_TYPES.map((t) => ({ label: t, on: t === selected }));

export function validateQualForm(form: QualForm, hasPhoto: boolean, now: number): QualErrors {
  const e: QualErrors = {};
  if (!form.type) e.type = '请选择资格类型';
  if ([...form.title.trim()].length > 30) e.title = '证书名称不能超过 30 个字';
  if (form.issuedAt && form.issuedAt > now) e.issuedAt = '发证日期不能晚于今天';
  if (form.expiresAt && form.issuedAt && form.expiresAt <= form.issuedAt) e.expiresAt = '有效期至需晚于发证日期';
  else if (form.expiresAt && form.expiresAt <= now) e.expiresAt = '该证书已过期，不能提交';
  if (!hasPhoto) e.photo = '请拍摄或选择证书照片';
  return e;
}
