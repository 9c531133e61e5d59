/** needs: match assign respond — 供需配对: rank candidates, offer a service, answer an offer. */
import type { AssignRequest, MatchCandidate, MatchRequest, MatchResponse } from '../../typings/api/needs';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../typings/data';
import type { Assignment, PlanService } from '../../typings/needs';
import { denied, invalid, notFound, precondition } from '../errors';
import type { Action } from '../handler';
import * as assignments from '../repos/assignments';
import * as groups from '../repos/groups';
import { findByIds } from '../repos/volunteers';
import { isAdult } from '../rules/matching';
import { shanghaiYear } from '../rules/time';
import { bool, id, int, listOf, optionalText, z } from '../schema';
import { rankService } from './candidates';
import { queueOffers } from './notices';
import { acceptPair, bump, offerDoc, offerNext } from './offers';
import { loadPlan, requireOpen, requirePlanManager } from './plan-access';
import type { PlanDoc } from '../repos/plans';

const MAX_ASSIGN = 20;
/** `<planId>:<serviceId>:<volunteerId>`. */
const pairId = z
  .string({ error: '缺少结对邀请' })
  .check(z.minLength(1, '缺少结对邀请'), z.maxLength(200, '结对邀请格式不正确'));

function serviceOf(plan: PlanDoc, serviceId: string): PlanService {
  const service = plan.services.find((s) => s.serviceId === serviceId);
  if (!service) throw notFound('服务不存在');
  return service;
}

export const match: Action<MatchRequest, MatchResponse> = {
  access: 'volunteer',
  input: z.object({
    planId: id('服务计划'),
    serviceId: id('服务'),
    pageSize: z.optional(int('每页条数', 1, PAGE_SIZE_MAX)),
  }),
  async run(input, ctx) {
    const plan = await loadPlan(input.planId);
    await requirePlanManager(ctx, plan);
    const service = serviceOf(plan, input.serviceId);
    const { outcome, rows, onService } = await rankService(ctx, plan, service);
    const items = outcome.ranked.slice(0, input.pageSize ?? PAGE_SIZE_DEFAULT).map((r): MatchCandidate => {
      const row = rows.get(r.volunteerId);
      const pair = onService.get(r.volunteerId);
      return {
        ...r,
        name: row?.name ?? '',
        cardNo: row?.cardNo ?? '',
        ...(pair?.groupId ? { groupId: pair.groupId } : {}),
        ...(pair && pair.status !== 'declined' && pair.status !== 'expired' && pair.status !== 'ended'
          ? { assignment: { assignmentId: pair._id, status: pair.status } }
          : {}),
      };
    });
    return { items, excluded: outcome.excluded };
  },
};

type Answer = Pick<Assignment, 'assignmentId' | 'volunteerId' | 'status'>;

export const assign: Action<AssignRequest, { assignments: Answer[] }> = {
  access: 'volunteer',
  input: z.object({
    planId: id('服务计划'),
    serviceId: id('服务'),
    volunteerIds: z.optional(listOf('义工', id('义工'), MAX_ASSIGN)),
    groupId: z.optional(id('小组')),
  }),
  async run(input, ctx) {
    if (!input.groupId === !input.volunteerIds?.length) throw invalid('请选择要指派的义工，或选择一个小组');
    const plan = await loadPlan(input.planId);
    await requirePlanManager(ctx, plan);
    requireOpen(plan);
    const service = serviceOf(plan, input.serviceId);
    if (service.status === 'ended') throw precondition('该服务已结束');
    let ids = [...new Set(input.volunteerIds ?? [])];
    if (input.groupId) {
      const group = await groups.findById(input.groupId);
      if (!group || group.brigadeId !== plan.brigadeId) throw invalid('只能指派本计划负责大队的小组');
      ids = group.memberIds;
    }
    const found = new Map((await findByIds(ids)).map((v) => [v._id, v] as const));
    const people = ids.flatMap((v) => found.get(v) ?? []);
    if (people.length !== ids.length) throw notFound('有义工不存在或已注销');
    const year = shanghaiYear(Date.now());
    const minor = people.find((p) => !isAdult(p.birthYear, year));
    if (service.adultsOnly && minor) throw invalid(`该服务仅限成年义工，${minor.name}未满 18 岁`);
    const existing = new Map(
      (await assignments.ofService(plan._id, service.serviceId)).map((a) => [a.volunteerId, a] as const),
    );
    const full = service.acceptedCount >= service.people;
    if (full && people.some((p) => existing.get(p._id)?.status !== 'accepted')) {
      throw precondition('该服务人数已满，无需再指派');
    }
    const now = Date.now();
    const offers: assignments.AssignmentDoc[] = [];
    const answers: Answer[] = [];
    for (const person of people) {
      const pair = existing.get(person._id);
      const offer = offerDoc(plan, service.serviceId, person, now, input.groupId);
      const pairKey = offer._id;
      let status = pair?.status ?? 'offered';
      if (pair?.status === 'volunteered') {
        status = await acceptPair(pairKey, 'volunteered', now, ctx).then(
          () => 'accepted' as const,
          () => 'volunteered' as const,
        );
      } else if (pair && (pair.status === 'declined' || pair.status === 'expired' || pair.status === 'ended')) {
        const { _id, ...patch } = offer;
        if (await assignments.transition(pairKey, [pair.status], patch)) offers.push(offer);
        else status = pair.status;
      } else if (!pair) {
        if (await assignments.insert(offer)) offers.push(offer);
      }
      answers.push({ assignmentId: pairKey, volunteerId: person._id, status });
    }
    await bump(plan._id, service.serviceId, offers.length);
    await queueOffers(ctx, plan, offers);
    return { assignments: answers };
  },
};

export const respond: Action<
  { assignmentId: string; accept: boolean; reason?: string },
  { status: 'accepted' | 'declined' }
> = {
  access: 'volunteer',
  input: z.object({ assignmentId: pairId, accept: bool('是否接受'), reason: optionalText('原因', 200) }),
  async run(input, ctx) {
    const me = await ctx.requireVolunteer();
    const pair = await assignments.findById(input.assignmentId);
    if (!pair) throw notFound('结对邀请不存在');
    if (pair.volunteerId !== me._id) throw denied('只能回复发给自己的结对邀请');
    const now = Date.now();
    if (input.accept) {
      await acceptPair(pair._id, 'offered', now, ctx);
      return { status: 'accepted' };
    }
    if (pair.status === 'declined') return { status: 'declined' };
    const patch = { status: 'declined' as const, respondedAt: now, updatedAt: now };
    if (
      !(await assignments.transition(pair._id, ['offered'], input.reason ? { ...patch, reason: input.reason } : patch))
    ) {
      throw precondition('该邀请已失效，无法回复');
    }
    await bump(pair.planId, pair.serviceId, -1);
    await offerNext(ctx, pair.planId, pair.serviceId);
    return { status: 'declined' };
  },
};
