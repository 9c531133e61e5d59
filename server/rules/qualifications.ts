/**
 * Professional qualifications (专业技术资格), pure: sane dates, how many may be open, which verified ones still count
 * (expiry is checked at read time, so nothing depends on the daily timer), who may review, and what a post or a
 * service that requires one says to someone without it.
 */
import { QUALIFICATION_TYPES, type QualificationType, type Town } from '../../typings/data';
import type { QualificationStatus } from '../../typings/entities';

/** Pending or verified qualifications one person may hold at once. */
export const MAX_OPEN = 10;
export const TITLE_MAX = 30;
/** Why the platform's media check rejected a certificate photo. */
export const RISKY_REASON = '证书图片未通过内容安全检测';

/** A verified qualification as the volunteer's own document keeps it (matching, sign-up and the card read it). */
export interface HeldQualification {
  type: QualificationType;
  expiresAt?: number;
}

export type DateProblem = { field: 'issuedAt' | 'expiresAt'; message: string } | undefined;

/** Issued in the past (or today); expiring after the issue and in the future. */
export function checkDates(issuedAt: number | undefined, expiresAt: number | undefined, now: number): DateProblem {
  if (issuedAt !== undefined && issuedAt > now) return { field: 'issuedAt', message: '发证日期不能晚于今天' };
  if (expiresAt === undefined) return undefined;
  if (issuedAt !== undefined && expiresAt <= issuedAt) {
    return { field: 'expiresAt', message: '有效期至需晚于发证日期' };
  }
  if (expiresAt <= now) return { field: 'expiresAt', message: '该证书已过期，不能提交' };
  return undefined;
}

/** Still counts at `now`: no expiry, or an expiry after now. */
export const unexpired = (q: { expiresAt?: number }, now: number) => q.expiresAt === undefined || q.expiresAt > now;

/** Statuses that hold a place among the open ones. */
export const isOpen = (status: QualificationStatus) => status === 'pending' || status === 'verified';

/** The types held and still valid at `now`, each once, in the fixed order of the list. */
export function heldTypes(held: HeldQualification[] | undefined, now: number): QualificationType[] {
  const valid = new Set((held ?? []).filter((q) => unexpired(q, now)).map((q) => q.type));
  return QUALIFICATION_TYPES.filter((t) => valid.has(t));
}

/** The types held whose every copy has expired at `now` (matching reports them apart). */
export function expiredTypes(held: HeldQualification[] | undefined, now: number): QualificationType[] {
  const valid = heldTypes(held, now);
  return QUALIFICATION_TYPES.filter((t) => !valid.includes(t) && (held ?? []).some((q) => q.type === t));
}

/** The volunteer's copy: the verified, unexpired qualifications among their documents. */
export function heldCopy(
  docs: { type: QualificationType; status: QualificationStatus; expiresAt?: number }[],
  now: number,
): HeldQualification[] {
  return docs
    .filter((d) => d.status === 'verified' && unexpired(d, now))
    .map((d) => ({ type: d.type, ...(d.expiresAt !== undefined ? { expiresAt: d.expiresAt } : {}) }));
}

/** The required qualifications the volunteer lacks: [] when they hold one of them (or none is required). */
export function missingQualifications(
  required: QualificationType[] | undefined,
  held: HeldQualification[] | undefined,
  now: number,
): QualificationType[] {
  if (!required || required.length === 0) return [];
  const has = heldTypes(held, now);
  return required.some((q) => has.includes(q)) ? [] : required;
}

/** What a sign-up without one of the required qualifications is told. */
export const lacksQualificationMessage = (required: QualificationType[]) =>
  `该服务需要具备以下资格之一：${required.join(' / ')}，请先在「我的资格证书」上传并通过审核`;

/** How the caller stands towards a volunteer's qualification. */
export interface ReviewerStanding {
  callerId?: string;
  hq: boolean;
  towns: Town[];
  /** Brigades the caller leads. */
  leads: string[];
}

/** Why the caller may not review it, or undefined when they may (never the owner, whatever else they are). */
export function reviewRefusal(
  who: ReviewerStanding,
  q: { volunteerId: string; town: Town; brigadeIds: string[] },
): string | undefined {
  if (who.callerId === q.volunteerId) return '不能审核自己的资格证书';
  if (who.hq || who.towns.includes(q.town) || q.brigadeIds.some((b) => who.leads.includes(b))) return undefined;
  return '仅该义工所在大队的负责人、所在镇区的社工或总队可以审核';
}
