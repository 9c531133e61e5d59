/**
 * Service plans, pure: a service's status from its counts, and merging an edit into the stored services (ids
 * kept, counts kept, a service with accepted carers never dropped silently).
 */
import type { PlanServiceInput } from '../../typings/api/needs';
import type { PlanService, ServiceStatus } from '../../typings/needs';

export const statusOf = (s: Pick<PlanService, 'acceptedCount' | 'people' | 'status'>): ServiceStatus =>
  s.status === 'ended' ? 'ended' : s.acceptedCount >= s.people ? 'covered' : 'open';

/** What is wrong with one service as entered, or undefined. */
export function serviceProblem(s: PlanServiceInput): string | undefined {
  if (s.frequency !== 'once' && s.weekday === undefined) return '定期服务须选择星期几';
  if (s.endDate !== undefined && s.endDate <= s.startDate) return '结束日期须晚于开始日期';
  return undefined;
}

/**
 * A leader plans with their brigade only for a recipient kept for it, or for one of its town kept for no brigade:
 * planning makes them leaders of the plan's brigade, who read the recipient in full.
 */
export const brigadeMayPlan = (
  recipient: { brigadeId?: string; town: string },
  brigade: { _id: string; town: string },
): boolean => (recipient.brigadeId ? recipient.brigadeId === brigade._id : recipient.town === brigade.town);

export type Merge = { services: PlanService[]; removed: string[] } | { problem: string };

/** The services after an edit: ids and counts kept; new ones get `newId()`; refused with a reason when unsafe. */
export function mergeServices(existing: PlanService[], inputs: PlanServiceInput[], newId: () => string): Merge {
  const byId = new Map(existing.map((s) => [s.serviceId, s]));
  const services: PlanService[] = [];
  for (const input of inputs) {
    const problem = serviceProblem(input);
    if (problem) return { problem };
    const old = input.serviceId ? byId.get(input.serviceId) : undefined;
    if (input.serviceId && !old) return { problem: '要修改的服务不存在，请刷新后重试' };
    if (old && input.people < old.acceptedCount) {
      return { problem: `「${old.category}」已有 ${old.acceptedCount} 人接受，人数不能少于 ${old.acceptedCount}` };
    }
    const acceptedCount = old?.acceptedCount ?? 0;
    const service: PlanService = {
      serviceId: old?.serviceId ?? newId(),
      category: input.category,
      specialties: [...new Set(input.specialties ?? [])],
      qualifications: [...new Set(input.qualifications ?? [])],
      frequency: input.frequency,
      ...(input.weekday !== undefined ? { weekday: input.weekday } : {}),
      slot: input.slot,
      durationMinutes: input.durationMinutes,
      people: input.people,
      startDate: input.startDate,
      ...(input.endDate !== undefined ? { endDate: input.endDate } : {}),
      adultsOnly: input.adultsOnly ?? false,
      status: old?.status ?? 'open',
      acceptedCount,
      offeredCount: old?.offeredCount ?? 0,
    };
    services.push({ ...service, status: statusOf(service) });
  }
  const kept = new Set(services.map((s) => s.serviceId));
  const dropped = existing.filter((s) => !kept.has(s.serviceId));
  const held = dropped.find((s) => s.acceptedCount > 0 && s.status !== 'ended');
  if (held) {
    return { problem: `「${held.category}」已有义工接受，不能直接删除；请先在评估中结案或与义工沟通后再调整` };
  }
  return { services, removed: dropped.map((s) => s.serviceId) };
}
