/** The recipient form's fields, filled from a survey or an existing recipient, and the request they make. */
import type { SaveRecipientRequest } from '../../../typings/api/needs';
import { RECIPIENT_NOTICE_VERSION, type Honorific, type RecipientCategory, type Town } from '../../../typings/index';
import type { ConsentBy, Recipient, Survey } from '../../../typings/needs';

export interface RecipientForm {
  name: string;
  honorific: Honorific | '';
  categories: RecipientCategory[];
  town: Town | '';
  community: string;
  address: string;
  lat: number | null;
  lng: number | null;
  phone: string;
  guardianName: string;
  guardianPhone: string;
  guardianRelation: string;
  notes: string;
  consentBy: ConsentBy;
  consented: boolean;
}

export const emptyForm = (): RecipientForm => ({
  name: '',
  honorific: '',
  categories: [],
  town: '',
  community: '',
  address: '',
  lat: null,
  lng: null,
  phone: '',
  guardianName: '',
  guardianPhone: '',
  guardianRelation: '',
  notes: '',
  consentBy: 'self',
  consented: false,
});

export function fromSurvey(s: Survey): RecipientForm {
  const h = s.household;
  return {
    ...emptyForm(),
    name: h?.contactName ?? '',
    categories: [...new Set(s.members.flatMap((m) => m.categories))],
    town: s.town,
    community: s.community,
    address: h?.address ?? '',
    lat: h?.lat ?? null,
    lng: h?.lng ?? null,
    phone: h?.phone ?? '',
    notes: s.members.map((m) => `${m.relation}：${m.situation}`).join('；'),
    consentBy: s.consent.by,
    consented: s.consent.version === RECIPIENT_NOTICE_VERSION,
  };
}

export function fromRecipient(r: Recipient): RecipientForm {
  const d = r.detail;
  return {
    name: d?.name ?? '',
    honorific: r.honorific ?? '',
    categories: r.categories,
    town: r.town,
    community: r.community,
    address: d?.address ?? '',
    lat: d?.lat ?? null,
    lng: d?.lng ?? null,
    phone: d?.phone ?? '',
    guardianName: d?.guardian?.name ?? '',
    guardianPhone: d?.guardian?.phone ?? '',
    guardianRelation: d?.guardian?.relation ?? '',
    notes: d?.notes ?? '',
    consentBy: r.consent.by,
    consented: r.consent.version === RECIPIENT_NOTICE_VERSION,
  };
}

/** What is missing before saving, in the order of the form; '' when nothing is. */
export function missing(f: RecipientForm): string {
  if (!f.name.trim()) return '请填写姓名';
  if (f.categories.length === 0) return '请至少选择一个服务对象类别';
  if (!f.town || !f.community.trim() || !f.address.trim()) return '请选择镇区并填写社区（村）和住址';
  if (f.guardianName.trim() && !f.guardianPhone.trim()) return '请填写监护人电话';
  if (!f.consented) return '请先说明个人信息告知书并取得同意';
  return '';
}

export function toRequest(
  f: RecipientForm,
  ids: { recipientId?: string; surveyId?: string; brigadeId?: string },
): SaveRecipientRequest {
  const text = (v: string) => (v.trim() ? v.trim() : undefined);
  const guardian = f.guardianName.trim()
    ? { name: f.guardianName.trim(), phone: f.guardianPhone.trim(), relation: f.guardianRelation.trim() || '家属' }
    : undefined;
  const request: SaveRecipientRequest = {
    ...ids,
    name: f.name.trim(),
    categories: f.categories,
    honorific: f.honorific || undefined,
    town: f.town as Town,
    community: f.community.trim(),
    address: f.address.trim(),
    ...(f.lat !== null && f.lng !== null ? { lat: f.lat, lng: f.lng } : {}),
    phone: text(f.phone),
    guardian,
    notes: text(f.notes),
    consent: { by: f.consentBy, version: RECIPIENT_NOTICE_VERSION },
  };
  return JSON.parse(JSON.stringify(request)) as SaveRecipientRequest;
}
