/** The 发布招募 form: what the page holds, client-side checks, and the requests it sends. */
import {
  QUALIFICATION_TYPES,
  SERIES_WEEKS,
  SERVICE_CATEGORIES,
  SPECIALTIES,
  type CreatePostRequest,
  type Post,
  type PostKind,
  type QualificationType,
  type ServiceCategory,
  type Specialty,
  type UpdatePostRequest,
} from '../../../typings/index';

export const MAX_QUOTA = 500;
export const MAX_WEEKS = SERIES_WEEKS.max;
const DAY = 24 * 3_600_000;

export interface PostForm {
  title: string;
  description: string;
  category: string;
  address: string;
  lat: number | null;
  lng: number | null;
  /** Epoch ms; 0 while not chosen. */
  startAt: number;
  endAt: number;
  /** 0: the start (the default). */
  signupDeadline: number;
  quota: number;
  requiredSpecialties: string[];
  /** 所需资格: any one of them, verified and unexpired. */
  requiredQualifications: string[];
  adultsOnly: boolean;
  membersOnly: boolean;
  repeat: boolean;
  repeatWeeks: number;
  /** 类型: a training (培训) has a topic and a trainer, and the category 培训. Fixed once published. */
  kind: PostKind;
  topic: string;
  trainer: string;
}

/** The category a training always has (the server's default and only choice for it). */
export const TRAINING_CATEGORY = '培训';

export type FormErrors = Partial<Record<keyof PostForm, string>>;

/** The fields top to bottom with the element each message sits in, so a failed submit can show the first one. */
const ANCHORS: [keyof PostForm, string][] = [
  ['title', '#form-title'],
  ['description', '#form-description'],
  ['topic', '#form-topic'],
  ['trainer', '#form-trainer'],
  ['category', '#form-category'],
  ['startAt', '#form-start'],
  ['endAt', '#form-end'],
  ['signupDeadline', '#form-deadline'],
  ['address', '#form-address'],
  ['quota', '#form-quota'],
  ['repeatWeeks', '#form-weeks'],
];

/** The selector of the topmost field with a message, if any. */
export const firstErrorAt = (errors: FormErrors): string | undefined => ANCHORS.find(([field]) => errors[field])?.[1];

export const emptyForm = (): PostForm => ({
  title: '',
  description: '',
  category: '',
  address: '',
  lat: null,
  lng: null,
  startAt: 0,
  endAt: 0,
  signupDeadline: 0,
  quota: 10,
  requiredSpecialties: [],
  requiredQualifications: [],
  adultsOnly: false,
  membersOnly: false,
  repeat: false,
  repeatWeeks: 4,
  kind: 'service',
  topic: '',
  trainer: '',
});

export function fromPost(post: Post): PostForm {
  return {
    title: post.title,
    description: post.description,
    category: post.category,
    address: post.address,
    lat: post.lat ?? null,
    lng: post.lng ?? null,
    startAt: post.startAt,
    endAt: post.endAt,
    signupDeadline: post.signupDeadline === post.startAt ? 0 : post.signupDeadline,
    quota: post.quota,
    requiredSpecialties: [...post.requiredSpecialties],
    requiredQualifications: [...(post.requiredQualifications ?? [])],
    adultsOnly: post.adultsOnly,
    membersOnly: post.membersOnly,
    repeat: false,
    repeatWeeks: 4,
    kind: post.kind,
    topic: post.topic ?? '',
    trainer: post.trainer ?? '',
  };
}

export interface Chip {
  label: string;
  on: boolean;
}
/** A service's categories: 培训 is a training's own (the 类型 switch). */
export const categoryChips = (selected = ''): Chip[] =>
  SERVICE_CATEGORIES.filter((c) => c !== TRAINING_CATEGORY).map((c) => ({ label: c, on: c === selected }));
export const specialtyChips = (selected: string[] = []): Chip[] =>
  SPECIALTIES.map((s) => ({ label: s, on: selected.includes(s) }));
export const qualificationChips = (selected: string[] = []): Chip[] =>
  QUALIFICATION_TYPES.map((q) => ({ label: q, on: selected.includes(q) }));

const length = (text: string) => [...text.trim()].length;

/** The same rules the server holds, so most mistakes show before anything is sent. */
export function validate(form: PostForm, now: number, creating: boolean): FormErrors {
  const e: FormErrors = {};
  const title = length(form.title);
  if (!title) e.title = '请填写标题';
  else if (title < 4) e.title = '标题至少 4 个字';
  else if (title > 30) e.title = '标题不能超过 30 个字';
  if (!length(form.description)) e.description = '请填写服务内容';
  else if (length(form.description) > 1000) e.description = '服务内容不能超过 1000 个字';
  if (form.kind === 'training') {
    if (!length(form.topic)) e.topic = '请填写培训主题';
    else if (length(form.topic) > 30) e.topic = '培训主题不能超过 30 个字';
    if (!length(form.trainer)) e.trainer = '请填写讲师';
    else if (length(form.trainer) > 20) e.trainer = '讲师不能超过 20 个字';
  } else if (!form.category) e.category = '请选择服务类别';
  if (!length(form.address)) e.address = '请填写服务地点';
  else if (length(form.address) > 100) e.address = '服务地点不能超过 100 个字';
  if (!form.startAt) e.startAt = '请选择开始时间';
  else if (form.startAt <= now) e.startAt = '开始时间需晚于现在';
  if (!form.endAt) e.endAt = '请选择结束时间';
  else if (form.startAt && form.endAt <= form.startAt) e.endAt = '结束时间需晚于开始时间';
  else if (form.startAt && form.endAt - form.startAt > DAY) e.endAt = '单次服务不能超过 24 小时';
  if (form.signupDeadline) {
    if (form.startAt && form.signupDeadline > form.startAt) e.signupDeadline = '报名截止时间不能晚于开始时间';
    else if (form.signupDeadline <= now) e.signupDeadline = '报名截止时间需晚于现在';
  }
  if (!Number.isInteger(form.quota) || form.quota < 1 || form.quota > MAX_QUOTA) {
    e.quota = `招募人数为 1–${MAX_QUOTA} 人`;
  }
  if (creating && form.repeat && (form.repeatWeeks < SERIES_WEEKS.min || form.repeatWeeks > MAX_WEEKS)) {
    e.repeatWeeks = `重复 ${SERIES_WEEKS.min}–${MAX_WEEKS} 周`;
  }
  return e;
}

/** A training sends its kind, topic and trainer with the category 培训; a service its category only. */
const kindOf = (form: PostForm) =>
  form.kind === 'training'
    ? {
        kind: 'training' as const,
        category: TRAINING_CATEGORY as ServiceCategory,
        topic: form.topic.trim(),
        trainer: form.trainer.trim(),
      }
    : { category: form.category as ServiceCategory };

function common(form: PostForm) {
  return {
    title: form.title.trim(),
    description: form.description.trim(),
    ...kindOf(form),
    address: form.address.trim(),
    ...(form.lat !== null && form.lng !== null ? { lat: form.lat, lng: form.lng } : {}),
    startAt: form.startAt,
    endAt: form.endAt,
    signupDeadline: form.signupDeadline || form.startAt,
    quota: form.quota,
    requiredSpecialties: form.requiredSpecialties as Specialty[],
    requiredQualifications: form.requiredQualifications as QualificationType[],
    adultsOnly: form.adultsOnly,
    membersOnly: form.membersOnly,
  };
}

export const toCreateRequest = (form: PostForm, brigadeId: string): CreatePostRequest => ({
  brigadeId,
  ...common(form),
  ...(form.repeat ? { repeatWeeks: form.repeatWeeks } : {}),
});

export const toUpdateRequest = (form: PostForm, postId: string): UpdatePostRequest => ({ postId, ...common(form) });

/** The server's field messages (`fields`) under the form's own keys. */
export function fromServerFields(fields: Record<string, string>): FormErrors {
  const errors: FormErrors = {};
  const known = Object.keys(emptyForm());
  for (const [key, message] of Object.entries(fields)) {
    const field = key.split('.')[0];
    if (known.includes(field)) errors[field as keyof PostForm] = message;
  }
  return errors;
}
