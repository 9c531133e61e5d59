/** The plan form's fields, filled from a stored plan or a survey's needs, and the savePlan request they make. */
import type { PlanServiceInput, SavePlanRequest } from '../../../typings/api/needs';
import type { Frequency, QualificationType, ServiceCategory, Slot, Specialty } from '../../../typings/index';
import type { Plan, Survey } from '../../../typings/needs';
import { dayOf, msOf } from '../../../utils/needs-view';

export interface ServiceForm {
  serviceId: string;
  category: ServiceCategory;
  specialties: Specialty[];
  qualifications: QualificationType[];
  frequency: Frequency;
  /** -1: no fixed weekday. */
  weekday: number;
  slot: Slot;
  duration: string;
  people: number;
  /** YYYY-MM-DD (Shanghai). */
  start: string;
  end: string;
  adultsOnly: boolean;
}

export interface PlanForm {
  goals: string;
  brigadeId: string;
  services: ServiceForm[];
  review: string;
}

const DAY_MS = 86_400_000;

export const emptyService = (now = Date.now()): ServiceForm => ({
  serviceId: '',
  category: '探访慰问',
  specialties: [],
  qualifications: [],
  frequency: 'weekly',
  weekday: 2,
  slot: 'morning',
  duration: '60',
  people: 1,
  start: dayOf(now + DAY_MS),
  end: '',
  adultsOnly: false,
});

export const emptyForm = (now = Date.now()): PlanForm => ({
  goals: '',
  brigadeId: '',
  services: [emptyService(now)],
  review: dayOf(now + 90 * DAY_MS),
});

/** One service per surveyed need, at the household's first preferred time. */
export function fromSurvey(s: Survey, now = Date.now()): PlanForm {
  const services = s.needs.map((n) => ({
    ...emptyService(now),
    category: n.category,
    specialties: [...n.specialties],
    frequency: n.frequency,
    weekday: n.slots[0]?.weekday ?? (n.frequency === 'once' ? -1 : 2),
    slot: n.slots[0]?.slot ?? 'morning',
  }));
  const goals = s.needs
    .map((n) => n.note)
    .filter(Boolean)
    .join('；');
  return { ...emptyForm(now), goals, services: services.length ? services : [emptyService(now)] };
}

export function fromPlan(p: Plan): PlanForm {
  return {
    goals: p.goals,
    brigadeId: p.brigadeId,
    review: p.reviewAt ? dayOf(p.reviewAt) : '',
    services: p.services
      .filter((s) => s.status !== 'ended')
      .map((s) => ({
        serviceId: s.serviceId,
        category: s.category,
        specialties: [...s.specialties],
        qualifications: [...s.qualifications],
        frequency: s.frequency,
        weekday: s.weekday ?? -1,
        slot: s.slot,
        duration: String(s.durationMinutes),
        people: s.people,
        start: dayOf(s.startDate),
        end: s.endDate ? dayOf(s.endDate) : '',
        adultsOnly: s.adultsOnly,
      })),
  };
}

function toService(s: ServiceForm): PlanServiceInput {
  return {
    ...(s.serviceId ? { serviceId: s.serviceId } : {}),
    category: s.category,
    specialties: s.specialties,
    qualifications: s.qualifications,
    frequency: s.frequency,
    ...(s.weekday >= 0 ? { weekday: s.weekday } : {}),
    slot: s.slot,
    durationMinutes: Number(s.duration),
    people: Number(s.people),
    startDate: msOf(s.start),
    ...(s.end ? { endDate: msOf(s.end) } : {}),
    adultsOnly: s.adultsOnly,
  };
}

export function toRequest(
  form: PlanForm,
  ids: { recipientId: string; planId?: string; surveyId?: string },
): SavePlanRequest {
  return {
    ...(ids.planId ? { planId: ids.planId } : {}),
    recipientId: ids.recipientId,
    brigadeId: form.brigadeId,
    goals: form.goals.trim(),
    services: form.services.map(toService),
    ...(form.review ? { reviewAt: msOf(form.review) } : {}),
    ...(ids.surveyId ? { surveyId: ids.surveyId } : {}),
  };
}

/** What the coordinator still has to fill in before saving, or undefined. */
export function missing(form: PlanForm): string | undefined {
  if (!form.goals.trim()) return '请填写服务目标';
  if (!form.brigadeId) return '请选择负责大队';
  if (!form.services.length) return '请至少添加一项服务';
  return undefined;
}
