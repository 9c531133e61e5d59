/**
 * Visits are posts (结对探访): an accepted service's visits in the rolling window are posts of the plan's brigade
 * with `visibility: assigned`, its accepted carers signed up (confirmed), so check-in, recording, hours, reminders
 * and statistics work as for any post. A visit's `_id` is derived from plan + service + day, so concurrent accepts
 * and timer runs never make two. The post holds the community and 地址见结对详情, never the recipient's address:
 * posts are not encrypted at rest and their copies travel (sign-ups, reminders, exports), while the carers read the
 * address where SPEC lets them, in their pairing's detail.
 */
import { createHash } from 'node:crypto';
import type { PlanService } from '../../typings/needs';
import type { RequestContext } from '../context';
import { after } from '../paging';
import * as assignments from '../repos/assignments';
import * as planRepo from '../repos/plans';
import * as posts from '../repos/posts';
import * as signups from '../repos/signups';
import { shanghai } from '../rules/time';
import { nextOfPairs, upcomingVisits, type Occurrence } from '../rules/visits';
import { countFacts, postFact } from '../stats/count';
import { inTransaction } from '../transaction';

type Ctx = Pick<RequestContext, 'log'>;

/** Who made a visit post: the scheduler, not a person. */
export const VISIT_AUTHOR = 'needs';
/** The Shanghai hour of the timer run that tops up every open plan's window. */
export const TOP_UP_HOUR = 3;
const TOP_UP_PAGES = 10;
const TOP_UP_PAGE_SIZE = 100;

/** A visit's `_id`: from plan, brigade, service and time, so it is made once, and a moved visit is a new one. */
export function visitPostId(
  plan: Pick<planRepo.PlanDoc, '_id' | 'brigadeId'>,
  serviceId: string,
  o: Pick<Occurrence, 'startAt' | 'endAt'>,
): string {
  const key = `${plan._id}:${plan.brigadeId}:${serviceId}:${o.startAt}:${o.endAt}`;
  return `visit-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

function visitDoc(plan: planRepo.PlanDoc, service: PlanService, o: Occurrence, now: number): posts.PostDoc {
  return {
    _id: visitPostId(plan, service.serviceId, o),
    brigadeId: plan.brigadeId,
    brigadeName: plan.brigadeName,
    town: plan.town,
    title: `结对探访 · ${plan.recipient.displayName} · ${service.category}`,
    description: '结对探访，仅结对义工可见。服务对象的地址和联系方式请在「我的结对」中查看，请勿外传。',
    category: service.category,
    address: `${plan.community}（地址见结对详情）`,
    startAt: o.startAt,
    endAt: o.endAt,
    signupDeadline: o.startAt,
    quota: service.people,
    confirmedCount: 0,
    waitlistCount: 0,
    requiredSpecialties: service.specialties,
    requiredQualifications: service.qualifications,
    adultsOnly: service.adultsOnly,
    membersOnly: false,
    status: 'published',
    visibility: 'assigned',
    planId: plan._id,
    serviceId: service.serviceId,
    recipientId: plan.recipientId,
    createdAt: now,
    createdBy: VISIT_AUTHOR,
  };
}

/** Signs a carer up to a visit (confirmed), once, inside a transaction with the post's count. */
async function signUpCarer(post: posts.PostDoc, carer: assignments.AssignmentDoc, now: number): Promise<boolean> {
  return inTransaction(async (tx) => {
    const id = signups.signupId(post._id, carer.volunteerId);
    const [current, existing] = await Promise.all([
      posts.getInTransaction(tx, post._id),
      signups.getInTransaction(tx, id),
    ]);
    if (!current || current.status !== 'published' || current.confirmedCount >= current.quota) return false;
    if (existing?.status === 'confirmed' || existing?.status === 'waitlisted') return false;
    await posts.countSignupInTransaction(tx, post._id, true);
    await signups.setInTransaction(tx, {
      _id: id,
      postId: post._id,
      volunteerId: carer.volunteerId,
      status: 'confirmed',
      seq: 0,
      startAt: post.startAt,
      endAt: post.endAt,
      postTitle: post.title,
      name: carer.name,
      cardNo: carer.cardNo,
      signedUpAt: now,
    });
    return true;
  });
}

/**
 * Makes the service's visits in the window if missing and signs its accepted carers up to each future one
 * (a carer accepted later joins them). Idempotent. Returns the visits made and the sign-ups added.
 */
export async function scheduleVisits(
  ctx: Ctx,
  plan: planRepo.PlanDoc,
  service: PlanService,
  now: number,
): Promise<{ made: number; signed: number }> {
  if (plan.status !== 'open' || service.status === 'ended') return { made: 0, signed: 0 };
  const docs = upcomingVisits(service, now).map((o) => visitDoc(plan, service, o, now));
  const [existing, pairs] = await Promise.all([
    posts.byIds(docs.map((d) => d._id)),
    assignments.ofService(plan._id, service.serviceId),
  ]);
  const found = new Map(existing.map((p) => [p._id, p] as const));
  const made: posts.PostDoc[] = [];
  for (const doc of docs) {
    if (found.has(doc._id) || !(await posts.insertIfMissing(doc))) continue;
    made.push(doc);
    found.set(doc._id, doc);
  }
  if (made.length)
    await countFacts(
      ctx,
      made.map((d) => postFact(d, 1)),
    );
  const carers = pairs.filter((a) => a.status === 'accepted');
  const visits = [...found.values()].filter((p) => p.status === 'published' && p.startAt > now);
  const ids = visits.flatMap((p) => carers.map((c) => signups.signupId(p._id, c.volunteerId)));
  const live = new Set(
    (await signups.byIds(ids)).filter((s) => s.status === 'confirmed' || s.status === 'waitlisted').map((s) => s._id),
  );
  let signed = 0;
  for (const post of visits) {
    for (const carer of carers) {
      if (live.has(signups.signupId(post._id, carer.volunteerId))) continue;
      if (await signUpCarer(post, carer, now)) signed += 1;
    }
  }
  if (made.length || signed) ctx.log.info('visits-scheduled', { planId: plan._id, made: made.length, signed });
  return { made: made.length, signed };
}

/** The hook after an accept: schedules the service's visits; a failure is logged and left to the daily top-up. */
export async function scheduleAfterAccept(ctx: Ctx, planId: string, serviceId: string, now: number): Promise<void> {
  try {
    const plan = await planRepo.findById(planId);
    const service = plan?.services.find((s) => s.serviceId === serviceId);
    if (plan && service) await scheduleVisits(ctx, plan, service, now);
  } catch (error) {
    ctx.log.error('visits-schedule-failed', { planId, serviceId, message: (error as Error)?.message });
  }
}

/** Withdraws every live sign-up of these visits and cancels each one left with nobody. */
async function withdrawFrom(ctx: Ctx, visits: posts.PostDoc[], reason: string): Promise<number> {
  let withdrawn = 0;
  for (const post of visits) {
    for (const s of await signups.ofPost(post._id)) {
      if (!(await signups.transition(s._id, [s.status], { status: 'withdrawn' }))) continue;
      withdrawn += 1;
      await posts.bump(post._id, s.status === 'confirmed' ? -1 : 0, s.status === 'waitlisted' ? -1 : 0);
    }
    if (await posts.cancelIfEmpty(post._id, reason)) await countFacts(ctx, [postFact(post, -1)]);
  }
  return withdrawn;
}

/**
 * A plan closed or services ended: the future visit sign-ups of those services (all when `serviceIds` is absent)
 * are withdrawn and visits with no carer left are cancelled.
 */
export async function withdrawVisits(ctx: Ctx, planId: string, serviceIds: string[] | undefined, now: number) {
  const visits = (await posts.futureVisitsOfPlan(planId, now)).filter(
    (p) => !serviceIds || (p.serviceId !== undefined && serviceIds.includes(p.serviceId)),
  );
  const withdrawn = await withdrawFrom(ctx, visits, '服务计划已结案或服务已结束');
  ctx.log.info('visits-withdrawn', { planId, visits: visits.length, withdrawn });
}

/**
 * An edited plan: future visits no longer in a service's schedule (another day, slot or length, past the new end,
 * or of the brigade it had before) are withdrawn and cancelled, the others take the new number of people, and the
 * new schedule's visits are made with the carers signed up.
 */
export async function reconcileVisits(ctx: Ctx, planId: string, now: number): Promise<void> {
  try {
    const [plan, future] = await Promise.all([planRepo.findById(planId), posts.futureVisitsOfPlan(planId, now)]);
    if (!plan || plan.status !== 'open') return;
    const wanted = new Map<string, number>();
    for (const service of plan.services.filter((s) => s.acceptedCount > 0 && s.status !== 'ended')) {
      for (const o of upcomingVisits(service, now)) wanted.set(visitPostId(plan, service.serviceId, o), service.people);
    }
    const stale = future.filter((p) => !wanted.has(p._id));
    await withdrawFrom(ctx, stale, '服务时间已调整');
    for (const post of future) {
      const people = wanted.get(post._id);
      if (people !== undefined && people !== post.quota && !stale.includes(post)) {
        await posts.update(post._id, { quota: people });
      }
    }
    for (const service of plan.services.filter((s) => s.acceptedCount > 0)) {
      await scheduleVisits(ctx, plan, service, now);
    }
  } catch (error) {
    ctx.log.error('visits-reconcile-failed', { planId, message: (error as Error)?.message });
  }
}

/** The timer's daily top-up: every open plan's accepted services get their window's visits (idempotent). */
export async function topUpVisits(ctx: Ctx, now: number): Promise<{ plans: number; made: number }> {
  if (shanghai(now).hour() !== TOP_UP_HOUR) return { plans: 0, made: 0 };
  let cursor: string | undefined;
  let count = 0;
  let made = 0;
  for (let page = 0; page < TOP_UP_PAGES; page += 1) {
    const batch = await planRepo.page({ status: 'open' }, after('updatedAt', 'desc', cursor), TOP_UP_PAGE_SIZE);
    for (const plan of batch) {
      for (const service of plan.services.filter((s) => s.acceptedCount > 0)) {
        made += (await scheduleVisits(ctx, plan, service, now)).made;
      }
    }
    count += batch.length;
    const last = batch[batch.length - 1];
    if (batch.length < TOP_UP_PAGE_SIZE || !last) break;
    cursor = `${last.updatedAt}|${last._id}`;
  }
  ctx.log.info('visits-topped-up', { plans: count, made });
  return { plans: count, made };
}

/** The next visit of each accepted assignment (the soonest future visit of its service), in one request. */
export async function nextVisits(
  pairs: Pick<assignments.AssignmentDoc, '_id' | 'serviceId' | 'status'>[],
  now: number,
): Promise<Map<string, { at: number; postId: string }>> {
  const serviceIds = [...new Set(pairs.filter((a) => a.status === 'accepted').map((a) => a.serviceId))];
  // At most 5 visits of a service start in the window (weekly), a day of top-up lag included.
  const visits = await posts.nextVisitsOfServices(serviceIds, now, Math.min(1000, serviceIds.length * 6));
  return nextOfPairs(pairs, visits);
}
