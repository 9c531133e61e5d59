/**
 * Pure rules of trainings (培训): what a post of kind `training` must carry (the category 培训, a topic and a
 * trainer) and how a training record moves the volunteer's training figures — never stars or the balance.
 */
import type { PostKind } from '../../typings/entities';
import { key } from './stats';

export const POST_KINDS = ['service', 'training'] as const satisfies readonly PostKind[];

/** A training's service category: the default when omitted, the only one allowed; a service may not use it. */
export const TRAINING_CATEGORY = '培训';

export const isTraining = (post: { kind?: PostKind }) => post.kind === 'training';

export interface KindFields {
  kind?: PostKind;
  category?: string;
  topic?: string;
  trainer?: string;
}

export type KindProblem = { field: 'category' | 'topic' | 'trainer'; message: string } | undefined;

/** What is wrong with a post's kind fields as they will be stored, or undefined. */
export function kindProblem(f: KindFields): KindProblem {
  if (f.kind === 'training') {
    if (f.category !== TRAINING_CATEGORY) return { field: 'category', message: '培训的服务类别须为“培训”' };
    if (!f.topic) return { field: 'topic', message: '请填写培训主题' };
    if (!f.trainer) return { field: 'trainer', message: '请填写讲师' };
    return undefined;
  }
  if (!f.category) return { field: 'category', message: '请选择有效的服务类别' };
  if (f.category === TRAINING_CATEGORY) return { field: 'category', message: '“培训”类别请把类型选为培训' };
  if (f.topic) return { field: 'topic', message: '只有培训才填写培训主题' };
  if (f.trainer) return { field: 'trainer', message: '只有培训才填写讲师' };
  return undefined;
}

/** What one training record adds to the volunteer: minutes and attended trainings (both may be negative). */
export interface TrainingDelta {
  minutes: number;
  attended: number;
}

/** The change of a training record from `before` (none when first recorded) to `after`. */
export function trainingDelta(
  before: { status: string; minutes: number } | undefined,
  after: { status: string; minutes: number },
): TrainingDelta {
  const held = (r?: { status: string; minutes: number }) =>
    r?.status === 'attended' ? { minutes: r.minutes, attended: 1 } : { minutes: 0, attended: 0 };
  const [a, b] = [held(before), held(after)];
  return { minutes: b.minutes - a.minutes, attended: b.attended - a.attended };
}

/** People counted in the training document: trained (attended a training) and qualified (a valid qualification). */
export type PersonFigure = 'trained' | 'qualified';

/** A person counted for their town and each brigade they are an active member of. */
export interface CountedPerson {
  town: string;
  brigadeIds: string[];
}

/** The dot paths of the training document that counting these people moves, by `sign` each. */
export function personCounts(figure: PersonFigure, people: CountedPerson[], sign = 1): Record<string, number> {
  const inc: Record<string, number> = {};
  const add = (path: string) => {
    inc[path] = (inc[path] ?? 0) + sign;
  };
  for (const p of people) {
    add(`total.${figure}`);
    add(`byTown.${key(p.town)}.${figure}`);
    for (const b of new Set(p.brigadeIds)) add(`byBrigade.${key(b)}.${figure}`);
  }
  return inc;
}

/** Whether a volunteer holds a verified qualification that has not expired (those kept on the volunteer). */
export const isQualified = (held: { expiresAt?: number }[] | undefined, now: number) =>
  (held ?? []).some((q) => q.expiresAt === undefined || q.expiresAt > now);
