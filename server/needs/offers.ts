/**
 * Offers (结对邀请): the service's counts change inside a transaction, so `acceptedCount` never passes `people`
 * whatever the concurrency; an unanswered offer expires after 48 h and the next best candidate not yet offered is
 * offered instead (accepted pairs are never touched). Each expiry is claimed by one conditional update, so
 * overlapping timer runs replace it once.
 */
import type { PlanService } from '../../typings/needs';
import type { RequestContext } from '../context';
import { notFound, precondition } from '../errors';
import * as assignments from '../repos/assignments';
import * as planRepo from '../repos/plans';
import { statusOf } from '../rules/plans';
import { countAccepted } from '../stats/needs-count';
import { inTransaction } from '../transaction';
import { rankService } from './candidates';
import { queueOffers } from './notices';
import { scheduleAfterAccept } from './visits';

export const OFFER_TTL_MS = 48 * 3_600_000;
/** Expired offers handled per timer run. */
export const EXPIRE_BATCH = 100;
const NEXT_TRIES = 10;

const withCounts = (s: PlanService, accepted: number, offered: number): PlanService => {
  const next = { ...s, acceptedCount: s.acceptedCount + accepted, offeredCount: Math.max(0, s.offeredCount + offered) };
  return { ...next, status: statusOf(next) };
};

/** Adds to a service's counts (offers made or withdrawn). */
export async function bump(planId: string, serviceId: string, offered: number): Promise<void> {
  if (offered === 0) return;
  await inTransaction(async (tx) => {
    const plan = await planRepo.getInTransaction(tx, planId);
    if (!plan) return;
    const services = plan.services.map((s) => (s.serviceId === serviceId ? withCounts(s, 0, offered) : s));
    await planRepo.updateInTransaction(tx, planId, { services });
  });
}

/**
 * Accepts a pair that is `from` (offered, or volunteered when a manager assigns), atomically with the service's
 * count; FAILED_PRECONDITION when the service is already full or the plan closed.
 */
export async function acceptPair(
  id: string,
  from: 'offered' | 'volunteered',
  now: number,
  ctx: Pick<RequestContext, 'log'>,
): Promise<void> {
  const pair = await inTransaction(async (tx) => {
    const pair = await assignments.getInTransaction(tx, id);
    if (!pair) throw notFound('结对邀请不存在');
    if (pair.status === 'accepted') return pair;
    if (pair.status !== from) throw precondition('该邀请已失效');
    if (from === 'offered' && (pair.expiresAt ?? 0) <= now) throw precondition('该邀请已过期');
    const plan = await planRepo.getInTransaction(tx, pair.planId);
    const service = plan?.services.find((s) => s.serviceId === pair.serviceId);
    if (!plan || plan.status !== 'open' || !service || service.status === 'ended') {
      throw precondition('该服务计划已结束');
    }
    if (service.acceptedCount >= service.people) throw precondition('该服务人数已满，感谢您的热心');
    const offered = from === 'offered' ? -1 : 0;
    const services = plan.services.map((s) => (s === service ? withCounts(s, 1, offered) : s));
    await planRepo.updateInTransaction(tx, plan._id, { services, updatedAt: now });
    await assignments.updateInTransaction(tx, id, { status: 'accepted', respondedAt: now, updatedAt: now });
    return pair;
  });
  await scheduleAfterAccept(ctx, pair.planId, pair.serviceId, now);
  await countAccepted(id, now);
}

/** A new offer of a plan's service to a volunteer, open for 48 h. */
export function offerDoc(
  plan: planRepo.PlanDoc,
  serviceId: string,
  person: { _id: string; name: string; cardNo: string },
  now: number,
  groupId?: string,
): assignments.AssignmentDoc {
  return {
    _id: assignments.assignmentId(plan._id, serviceId, person._id),
    planId: plan._id,
    serviceId,
    recipientId: plan.recipientId,
    town: plan.town,
    volunteerId: person._id,
    name: person.name,
    cardNo: person.cardNo,
    ...(groupId ? { groupId } : {}),
    status: 'offered',
    offeredAt: now,
    expiresAt: now + OFFER_TTL_MS,
    updatedAt: now,
  };
}

/** Offers the service to the best candidate not yet on it, when it still needs someone. True when one was offered. */
export async function offerNext(ctx: RequestContext, planId: string, serviceId: string): Promise<boolean> {
  const plan = await planRepo.findById(planId);
  const service = plan?.services.find((s) => s.serviceId === serviceId);
  if (!plan || plan.status !== 'open' || !service || service.status !== 'open') return false;
  if (service.acceptedCount + service.offeredCount >= service.people) return false;
  const { outcome, rows, onService } = await rankService(ctx, plan, service);
  const fresh = outcome.ranked.filter((r) => !onService.has(r.volunteerId)).slice(0, NEXT_TRIES);
  const now = Date.now();
  for (const next of fresh) {
    const row = rows.get(next.volunteerId);
    if (!row) continue;
    const doc = offerDoc(plan, serviceId, row, now);
    if (!(await assignments.insert(doc))) continue;
    await bump(plan._id, serviceId, 1);
    await queueOffers(ctx, plan, [doc]);
    return true;
  }
  return false;
}

/** The timer: offers past their 48 h expire and move on to the next candidate. */
export async function expireOffers(ctx: RequestContext): Promise<{ expired: number; offered: number }> {
  const now = Date.now();
  const due = await assignments.expiredOffers(now, EXPIRE_BATCH);
  let expired = 0;
  let offered = 0;
  for (const pair of due) {
    if (!(await assignments.expire(pair._id, now))) continue;
    expired += 1;
    await bump(pair.planId, pair.serviceId, -1);
    if (await offerNext(ctx, pair.planId, pair.serviceId)) offered += 1;
  }
  ctx.log.info('offers-expired', { expired, offered });
  return { expired, offered };
}
