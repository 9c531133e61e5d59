/** The 注册 form: what the page holds, client-side checks, and the request it sends. */
import {
  PRIVACY_NOTICE_VERSION,
  SERVICE_CATEGORIES,
  SLOT_LABELS,
  SLOTS,
  SPECIALTIES,
  TOWNS,
  WEEKDAY_LABELS,
  type Availability,
  type RegisterRequest,
  type ServiceCategory,
  type Slot,
  type Specialty,
} from '../../typings/index';

export const MIN_AGE = 6;
export const MAX_AGE = 100;
export const ADULT_AGE = 18;

export interface RegisterForm {
  name: string;
  mobile: string;
  town: string;
  community: string;
  specialties: string[];
  intentions: string[];
  serviceAreas: string[];
  /** `weekday:slot` keys, e.g. `6:morning`. */
  availability: string[];
  birthYear: number;
  guardianName: string;
  guardianMobile: string;
  guardianConsent: boolean;
  consent: boolean;
}

/** Field errors keyed flat for WXML (`guardianMobile`), from client checks or the server's `fields`. */
export type FormErrors = Partial<Record<keyof RegisterForm, string>>;

export const emptyForm = (): RegisterForm => ({
  name: '',
  mobile: '',
  town: '',
  community: '',
  specialties: [],
  intentions: [],
  serviceAreas: [],
  availability: [],
  birthYear: 0,
  guardianName: '',
  guardianMobile: '',
  guardianConsent: false,
  consent: false,
});

export interface Chip {
  label: string;
  on: boolean;
}
export const chipsOf = (labels: readonly string[], selected: readonly string[] = []): Chip[] =>
  labels.map((label) => ({ label, on: selected.includes(label) }));
export const specialtyChips = () => chipsOf(SPECIALTIES);
export const intentionChips = () => chipsOf(SERVICE_CATEGORIES);
export const areaChips = () => chipsOf(TOWNS);

/** Weekly grid rows (上午/下午/晚上) × columns Monday … Sunday, as residents read a week. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
export interface GridCell {
  key: string;
  on: boolean;
}
export interface GridRow {
  slot: Slot;
  label: string;
  cells: GridCell[];
}
export const weekColumns = () => WEEK_ORDER.map((d) => WEEKDAY_LABELS[d].replace('周', ''));
/** The grid with `selected` (`weekday:slot` keys) ticked. */
export const availabilityGrid = (selected: readonly string[] = []): GridRow[] =>
  SLOTS.map((slot) => ({
    slot,
    label: SLOT_LABELS[slot],
    cells: WEEK_ORDER.map((weekday) => ({ key: `${weekday}:${slot}`, on: selected.includes(`${weekday}:${slot}`) })),
  }));

/** `{ weekday, slot }` as the grid's `weekday:slot` keys, and back. */
export const slotKeys = (slots: readonly Availability[]): string[] => slots.map((a) => `${a.weekday}:${a.slot}`);
export const slotsOf = (keys: readonly string[]): Availability[] =>
  keys.map((key) => {
    const [weekday, slot] = key.split(':');
    return { weekday: Number(weekday), slot: slot as Slot };
  });

export const TOWN_OPTIONS: string[] = [...TOWNS];

/** Birth years from the youngest allowed to the oldest, newest first. */
export function birthYears(year: number): number[] {
  const years: number[] = [];
  for (let y = year - MIN_AGE; y >= year - MAX_AGE; y--) years.push(y);
  return years;
}

export const isMinor = (birthYear: number, year: number) => birthYear > 0 && year - birthYear < ADULT_AGE;

const MOBILE = /^1[3-9]\d{9}$/;
export const isMobile = (mobile: string) => MOBILE.test(mobile);
export const MOBILE_MESSAGE = '手机号格式不正确，请填写 11 位手机号';
export const COMMUNITY_MAX = 30;
export const COMMUNITY_MESSAGE = '所在社区不能超过 30 个字';

/** The obvious mistakes, caught before a call. Empty when the form may be sent. */
export function validate(form: RegisterForm, year: number): FormErrors {
  const errors: FormErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = '请填写姓名';
  else if (name.length > 20) errors.name = '姓名不能超过 20 个字';
  const mobile = form.mobile.trim();
  if (!mobile) errors.mobile = '请填写手机号';
  else if (!isMobile(mobile)) errors.mobile = MOBILE_MESSAGE;
  if (!form.town) errors.town = '请选择所在镇区';
  if (form.community.trim().length > COMMUNITY_MAX) errors.community = COMMUNITY_MESSAGE;
  if (!form.birthYear) errors.birthYear = '请选择出生年份';
  if (isMinor(form.birthYear, year)) {
    if (!form.guardianName.trim()) errors.guardianName = '请填写监护人姓名';
    const guardianMobile = form.guardianMobile.trim();
    if (!guardianMobile) errors.guardianMobile = '请填写监护人手机号';
    else if (!MOBILE.test(guardianMobile)) errors.guardianMobile = '监护人手机号格式不正确，请填写 11 位手机号';
    if (!form.guardianConsent) errors.guardianConsent = '请确认监护人已同意';
  }
  if (!form.consent) errors.consent = '请阅读并同意隐私保护指引';
  return errors;
}

/** The server's field keys (`guardian.mobile`) as the page's flat keys. */
const SERVER_FIELDS: Record<string, keyof RegisterForm> = {
  name: 'name',
  mobile: 'mobile',
  town: 'town',
  community: 'community',
  specialties: 'specialties',
  intentions: 'intentions',
  serviceAreas: 'serviceAreas',
  availability: 'availability',
  birthYear: 'birthYear',
  guardian: 'guardianName',
  'guardian.name': 'guardianName',
  'guardian.mobile': 'guardianMobile',
  'guardian.consent': 'guardianConsent',
  privacyConsentVersion: 'consent',
};

export function fromServerFields(fields: Record<string, string>): FormErrors {
  const errors: FormErrors = {};
  for (const [key, message] of Object.entries(fields)) {
    const flat = SERVER_FIELDS[key] ?? SERVER_FIELDS[key.split('.')[0]];
    if (flat && !errors[flat]) errors[flat] = message;
  }
  return errors;
}

export function toRequest(form: RegisterForm, year: number): RegisterRequest {
  const request: RegisterRequest = {
    name: form.name.trim(),
    mobile: form.mobile.trim(),
    town: form.town as RegisterRequest['town'],
    specialties: form.specialties as Specialty[],
    intentions: form.intentions as ServiceCategory[],
    serviceAreas: (form.serviceAreas.length ? form.serviceAreas : [form.town]) as RegisterRequest['serviceAreas'],
    availability: slotsOf(form.availability),
    birthYear: form.birthYear,
    privacyConsentVersion: PRIVACY_NOTICE_VERSION,
  };
  const community = form.community.trim();
  if (community) request.community = community;
  if (isMinor(form.birthYear, year)) {
    request.guardian = {
      name: form.guardianName.trim(),
      mobile: form.guardianMobile.trim(),
      consent: form.guardianConsent,
    };
  }
  return request;
}

/** Toggles `value` in a list, keeping the list's order of first choice. */
export const toggle = (list: string[], value: string): string[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
