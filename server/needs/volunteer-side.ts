/**
 * needs: mine nearby offerHelp — the volunteer's side of 供需配对. 我的结对 lists the caller's pairs with what a
 * visit needs only once accepted; 附近需求 lists open services of the caller's towns that fit them, the recipient
 * masked; offerHelp puts the caller on a service as `volunteered` (主动报名) for the coordinator to assign.
 */
import type { MineItem, NearbyItem, NearbyRequest } from '../../typings/api/needs';
import type { Page, PageRequest } from '../../typings/entities';
import type { PlanService, RecipientDetail } from '../../typings/needs';
import type { RequestContext } from '../context';
import { invalid, notFound, precondition } from '../errors';
import type { Action } from '../handler';
import { pageSizeOf } from '../paging';
import { piiKey } from '../pii';
import * as assignments from '../repos/assignments';
import * as planRepo from '../repos/plans';
import * as recipients from '../repos/recipients';
import type { VolunteerDoc } from '../repos/volunteers';
import { distanceKm, exclusion, type MatchCandidateFacts, type MatchPlace } from '../rules/matching';
import { byMineOrder, byNearness, offsetOf, showsInMine } from '../rules/nearby';
import { shanghaiYear } from '../rules/time';
import { id, page, z } from '../schema';
import { placeOf, profileFacts } from './candidates';
import { coordinate, checkCoordinates } from './fields';
import { loadPlan } from './plan-access';
import { nextVisits } from './visits';

/** Pairs read for 我的结对, and open plans read for 附近需求: one bounded request each. */
export const MINE_LIMIT = 200;
export const NEARBY_PLAN_LIMIT = 100;
const PAIR_LIMIT = 300;

type Position = { lat: number; lng: number };

function pageOfList<T>(all: T[], req: PageRequest): Page<T> {
  const from = offsetOf(req.cursor);
  if (from === undefined) throw invalid('分页参数无效，请刷新后重试');
  const size = pageSizeOf(req.pageSize);
  const items = all.slice(from, from + size);
  return { items, ...(from + size < all.length ? { nextCursor: String(from + size) } : {}) };
}

const homeOf = (v: VolunteerDoc): Position | undefined =>
  v.lat !== undefined && v.lng !== undefined ? { lat: v.lat, lng: v.lng } : undefined;

/** What a visit needs: the recipient's detail without the coordinator's notes. */
function visitOf(detail: RecipientDetail): Omit<RecipientDetail, 'notes'> {
  const { notes: _notes, ...visit } = detail;
  return visit;
}

export const mine: Action<PageRequest, Page<MineItem>> = {
  access: 'volunteer',
  input: z.object(page),
  async run(input, ctx) {
    const me = await ctx.requireVolunteer();
    const now = Date.now();
    const pairs = byMineOrder((await assignments.ofVolunteer(me._id, MINE_LIMIT)).filter((p) => showsInMine(p, now)));
    const { items: pagePairs, nextCursor } = pageOfList(pairs, input);
    const accepted = pagePairs.filter((p) => p.status === 'accepted');
    const [plans, people, next] = await Promise.all([
      planRepo.byIds([...new Set(pagePairs.map((p) => p.planId))]),
      recipients.byIds([...new Set(accepted.map((p) => p.recipientId))]),
      nextVisits(accepted, now),
    ]);
    const planOf = new Map(plans.map((p) => [p._id, p]));
    const personOf = new Map(people.map((r) => [r._id, r]));
    const key = piiKey(ctx);
    const items = pagePairs.flatMap((pair): MineItem[] => {
      const plan = planOf.get(pair.planId);
      const service = plan?.services.find((s) => s.serviceId === pair.serviceId);
      if (!plan || !service) return [];
      const person = pair.status === 'accepted' ? personOf.get(pair.recipientId) : undefined;
      const detail = person ? recipients.detailOf(person, key) : undefined;
      const visit = next.get(pair._id);
      return [
        {
          assignmentId: pair._id,
          status: pair.status,
          planId: plan._id,
          recipient: plan.recipient,
          ...(detail ? { visit: visitOf(detail) } : {}),
          service,
          brigadeName: plan.brigadeName,
          ...(pair.status === 'offered' && pair.expiresAt !== undefined ? { expiresAt: pair.expiresAt } : {}),
          ...(visit ? { nextVisitAt: visit.at, nextVisitPostId: visit.postId } : {}),
        },
      ];
    });
    return { items, ...(nextCursor ? { nextCursor } : {}) };
  },
};

/** The caller as matching sees them for one service (their load from `active` pairs elsewhere). */
function factsOf(me: VolunteerDoc, active: assignments.AssignmentDoc[], service: PlanService): MatchCandidateFacts {
  return {
    ...profileFacts(me, shanghaiYear(Date.now())),
    load: active.filter((p) => p.serviceId !== service.serviceId).length,
    visits: 0,
    serving: false,
    groupServing: false,
  };
}

/** Why the service does not fit the caller (matching's hard filters), or undefined when it does. */
function misfit(me: VolunteerDoc, active: assignments.AssignmentDoc[], place: MatchPlace, s: PlanService) {
  return exclusion(s, place, factsOf(me, active, s));
}

/** A need as 附近需求 shows it: the recipient masked to displayName, town, community and categories. */
function nearbyItem(plan: planRepo.PlanDoc, s: PlanService, km?: number, pair?: assignments.AssignmentDoc): NearbyItem {
  return {
    planId: plan._id,
    serviceId: s.serviceId,
    recipient: {
      displayName: plan.recipient.displayName,
      town: plan.town,
      community: plan.community,
      categories: plan.recipient.categories,
    },
    service: {
      category: s.category,
      specialties: s.specialties,
      frequency: s.frequency,
      ...(s.weekday !== undefined ? { weekday: s.weekday } : {}),
      slot: s.slot,
      durationMinutes: s.durationMinutes,
      people: s.people,
      acceptedCount: s.acceptedCount,
    },
    ...(km !== undefined ? { distanceKm: Math.round(km * 10) / 10 } : {}),
    ...(pair ? { myStatus: pair.status } : {}),
  };
}

const activeOf = (pairs: assignments.AssignmentDoc[]) => pairs.filter((p) => assignments.ACTIVE.includes(p.status));

export const nearby: Action<NearbyRequest, Page<NearbyItem>> = {
  access: 'volunteer',
  input: z.object({ ...page, lat: coordinate('纬度', 90), lng: coordinate('经度', 180) }),
  async run(input, ctx) {
    checkCoordinates(input.lat, input.lng);
    const me = await ctx.requireVolunteer();
    const towns = [...new Set([me.town, ...(me.serviceAreas ?? [])])];
    const plans = await planRepo.openIn(towns, NEARBY_PLAN_LIMIT);
    const pairs = await assignments.forVolunteer(
      me._id,
      plans.map((p) => p._id),
      PAIR_LIMIT,
    );
    const active = activeOf(pairs);
    const here: Position | undefined =
      input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : homeOf(me);
    const found = plans.flatMap((plan) => {
      const place = placeOf(ctx, plan);
      const km =
        here && place.lat !== undefined && place.lng !== undefined ? distanceKm(here, place as Position) : undefined;
      return plan.services
        .filter((s) => s.status === 'open' && !misfit(me, active, place, s))
        .map((s) => {
          const pair = pairs.find((p) => p.planId === plan._id && p.serviceId === s.serviceId);
          const item = nearbyItem(plan, s, km, pair);
          return { item, distanceKm: km, sameCommunity: plan.community === me.community, updatedAt: plan.updatedAt };
        });
    });
    return pageOfList(
      byNearness(found).map((f) => f.item),
      input,
    );
  },
};

async function volunteer(ctx: RequestContext, planId: string, serviceId: string) {
  const me = await ctx.requireVolunteer();
  const plan = await loadPlan(planId);
  const service = plan.services.find((s) => s.serviceId === serviceId);
  if (!service) throw notFound('服务不存在');
  if (plan.status !== 'open' || service.status !== 'open') throw precondition('该服务已不再招募义工');
  const pairs = await assignments.forVolunteer(me._id, [plan._id], PAIR_LIMIT);
  const reason = misfit(me, activeOf(pairs), placeOf(ctx, plan), service);
  if (reason) throw precondition(`该服务暂不适合您：${reason}`);
  const pair = pairs.find((p) => p.serviceId === serviceId);
  return { me, plan, service, pair };
}

export const offerHelp: Action<{ planId: string; serviceId: string }, { assignmentId: string; status: 'volunteered' }> =
  {
    access: 'volunteer',
    input: z.object({
      planId: id('服务计划'),
      serviceId: id('服务'),
    }),
    async run(input, ctx) {
      const { me, plan, pair } = await volunteer(ctx, input.planId, input.serviceId);
      const assignmentId = assignments.assignmentId(plan._id, input.serviceId, me._id);
      if (pair?.status === 'offered') throw precondition('您已收到该服务的结对邀请，请在「我的结对」中回复');
      if (pair?.status === 'accepted') throw precondition('您已在为该服务对象服务');
      if (pair?.status === 'volunteered') return { assignmentId, status: 'volunteered' };
      const now = Date.now();
      const doc: assignments.AssignmentDoc = {
        _id: assignmentId,
        planId: plan._id,
        serviceId: input.serviceId,
        recipientId: plan.recipientId,
        town: plan.town,
        volunteerId: me._id,
        name: me.name,
        cardNo: me.cardNo,
        status: 'volunteered',
        offeredAt: now,
        updatedAt: now,
      };
      const { _id, ...patch } = doc;
      const done = pair ? await assignments.transition(_id, [pair.status], patch) : await assignments.insert(doc);
      const raced = done ? undefined : await assignments.findById(_id);
      if (!done && raced?.status !== 'volunteered') throw precondition('该结对刚刚有变化，请刷新后重试');
      return { assignmentId, status: 'volunteered' };
    },
  };
