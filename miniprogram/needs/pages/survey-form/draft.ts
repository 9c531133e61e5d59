/**
 * The survey draft kept on the phone: written to storage on every change, so it survives closing the page and
 * losing the network; `pending` marks a draft that failed to send and is resent (same requestId) when the network
 * returns or the page opens again.
 */
import type { SaveSurveyRequest } from '../../../typings/api/needs';
import {
  RECIPIENT_NOTICE_VERSION,
  type Frequency,
  type ServiceCategory,
  type Slot,
  type Town,
  type Urgency,
} from '../../../typings/index';
import type { ConsentBy } from '../../../typings/needs';
import { newRequestId } from '../../../utils/request-id';

export const DRAFT_KEY = 'needs:survey-draft';

export interface MemberDraft {
  relation: string;
  age: string;
  situation: string;
}

export interface NeedDraft {
  category: ServiceCategory | '';
  frequency: Frequency;
  urgency: Urgency;
  weekdays: number[];
  slots: Slot[];
  note: string;
}

export interface SurveyDraft {
  requestId: string;
  town: Town | '';
  community: string;
  contactName: string;
  address: string;
  phone: string;
  size: number;
  members: MemberDraft[];
  needs: NeedDraft[];
  consented: boolean;
  consentBy: ConsentBy;
  /** Sending failed for the network: resend when it is back. */
  pending: boolean;
}

export const emptyMember = (): MemberDraft => ({ relation: '', age: '', situation: '' });

export const emptyNeed = (): NeedDraft => ({
  category: '',
  frequency: 'weekly',
  urgency: 'normal',
  weekdays: [],
  slots: [],
  note: '',
});

export const emptyDraft = (): SurveyDraft => ({
  requestId: newRequestId(),
  town: '',
  community: '',
  contactName: '',
  address: '',
  phone: '',
  size: 1,
  members: [{ ...emptyMember(), relation: '本人' }],
  needs: [emptyNeed()],
  consented: false,
  consentBy: 'self',
  pending: false,
});

export function loadDraft(): SurveyDraft | undefined {
  const stored = wx.getStorageSync(DRAFT_KEY) as SurveyDraft | '';
  return stored && stored.requestId ? stored : undefined;
}

export const saveDraft = (draft: SurveyDraft) => wx.setStorageSync(DRAFT_KEY, draft);
export const clearDraft = () => wx.removeStorageSync(DRAFT_KEY);

/** What is missing before the draft can be sent, in the order of the form; '' when nothing is. */
export function missing(d: SurveyDraft): string {
  if (!d.town || !d.community.trim()) return '请选择镇区并填写社区（村）';
  if (!d.contactName.trim() || !d.address.trim()) return '请填写受访人姓名和住址';
  if (d.members.some((m) => !m.relation.trim() || !m.situation.trim())) return '请填写每位成员的关系和情况，或删除空行';
  if (d.needs.length === 0 || d.needs.some((n) => !n.category)) return '请为每项需求选择类别';
  if (!d.consented) return '请先说明个人信息告知书并取得同意';
  return '';
}

export function toRequest(d: SurveyDraft): SaveSurveyRequest {
  return {
    requestId: d.requestId,
    town: d.town as Town,
    community: d.community.trim(),
    household: {
      contactName: d.contactName.trim(),
      address: d.address.trim(),
      ...(d.phone.trim() ? { phone: d.phone.trim() } : {}),
      size: d.size,
    },
    members: d.members.map((m) => ({
      relation: m.relation.trim(),
      ...(m.age.trim() ? { age: Number(m.age) } : {}),
      situation: m.situation.trim(),
      categories: [],
    })),
    needs: d.needs.map((n) => ({
      category: n.category as ServiceCategory,
      specialties: [],
      frequency: n.frequency,
      slots: n.weekdays.flatMap((weekday) => n.slots.map((slot) => ({ weekday, slot }))),
      urgency: n.urgency,
      ...(n.note.trim() ? { note: n.note.trim() } : {}),
    })),
    consent: { by: d.consentBy, version: RECIPIENT_NOTICE_VERSION },
  };
}
