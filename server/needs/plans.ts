/** needs: savePlan plans plan reviewPlan addNote — service plans (服务计划), their review and visit notes. */
import type { ListPlansRequest, PlanServiceInput, ReviewPlanRequest, SavePlanRequest } from '../../typings/api/needs';
import {
  FREQUENCIES,
  PAGE_SIZE_MAX,
  QUALIFICATION_TYPES,
  SERVICE_CATEGORIES,
  SLOTS,
  SPECIALTIES,
  TOWNS,
} from '../../typings/data';
import type { Assignment, Plan, PlanService, PlanStatus, VisitNote } from '../../typings/needs';
import type { Page } from '../../typings/entities';
import { denied, invalid, notFound, precondition } from '../errors';
import type { Action } from '../handler';
import { newId } from '../ids';
import { after, pageOf, pageSizeOf } from '../paging';
import { piiKey } from '../pii';
import * as assignments from '../repos/assignments';
import * as brigades from '../repos/brigades';
import * as planRepo from '../repos/plans';
import * as recipients from '../repos/recipients';
import * as surveys from '../repos/surveys';
import * as notes from '../repos/visit-notes';
import { brigadeMayPlan, mergeServices, serviceProblem } from '../rules/plans';
import { encrypt } from '../rules/pii';
import { bool, epochMs, id, int, listOf, oneOf, page, text, z, type Schema } from '../schema';
import { checkText } from '../security';
import { countPlan, countVisit } from '../stats/needs-count';
import { cancelForClosedPlan } from '../timebank/redeem';
import { inTransaction } from '../transaction';
import { requireCoordinator, requireManager } from './access';
import { queueEnded } from './notices';
import { reconcileVisits, withdrawVisits } from './visits';
import { loadPlan, notAllowed, planManager, requireOpen, requirePlanManager } from './plan-access';

const serviceInput = z.object({
  serviceId: z.optional(id('服务')),
  category: oneOf('服务类别', SERVICE_CATEGORIES),
  specialties: z.optional(listOf('专长', oneOf('专长', SPECIALTIES), 5)),
  qualifications: z.optional(listOf('专业资格', oneOf('专业资格', QUALIFICATION_TYPES), 5)),
  frequency: oneOf('服务频次', FREQUENCIES),
  weekday: z.optional(int('星期', 0, 6)),
  slot: oneOf('时段', SLOTS),
  durationMinutes: int('服务时长（分钟）', 15, 480),
  people: int('每次人数', 1, 5),
  startDate: epochMs('开始日期'),
  endDate: z.optional(epochMs('结束日期')),
  adultsOnly: z.optional(bool('仅限成年义工')),
}) as unknown as Schema<PlanServiceInput>;

/** The recipient's position, encrypted for the plan (matching reads it without the recipient). */
function positionOf(recipient: recipients.RecipientDoc, key: ReturnType<typeof piiKey>): string | undefined {
  const detail = recipients.detailOf(recipient, key);
  return detail?.lat !== undefined && detail.lng !== undefined
    ? encrypt(`${detail.lat},${detail.lng}`, key)
    : undefined;
}

export const savePlan: Action<SavePlanRequest, { planId: string; services: PlanService[] }> = {
  access: 'volunteer',
  input: z.object({
    planId: z.optional(id('服务计划')),
    recipientId: id('服务对象'),
    brigadeId: id('负责大队'),
    goals: text('服务目标', 500),
    services: listOf('服务项目', serviceInput, 10).check(z.minLength(1, '请至少添加一项服务')),
    reviewAt: z.optional(epochMs('评估日期')),
    surveyId: z.optional(id('需求调查')),
  }),
  async run(input, ctx) {
    const [recipient, brigade] = await Promise.all([
      recipients.findById(input.recipientId),
      brigades.findById(input.brigadeId),
    ]);
    if (!recipient) throw notFound('服务对象不存在');
    if (!brigade) throw notFound('大队不存在或已撤销');
    const editing = input.planId ? await loadPlan(input.planId) : undefined;
    const theirs = editing?.brigadeId === brigade._id || brigadeMayPlan(recipient, brigade);
    await requireManager(ctx, recipient.town, theirs ? brigade.leaderIds : []);
    if (recipient.status !== 'active') throw precondition('服务对象已结案，不能再制定服务计划');
    const now = Date.now();
    if (input.reviewAt !== undefined && input.reviewAt <= now) throw invalid('评估日期须在今天之后');
    const survey = input.surveyId ? await surveys.findById(input.surveyId) : undefined;
    if (input.surveyId && (!survey || survey.town !== recipient.town || survey.status === 'dismissed')) {
      throw invalid('需求调查不存在、已作废或不属于该镇区');
    }
    const problem = input.services.map(serviceProblem).find(Boolean);
    if (problem) throw invalid(problem);
    await checkText(ctx, { goals: input.goals });
    const key = piiKey(ctx);
    const fields = {
      recipientId: recipient._id,
      recipient: {
        recipientId: recipient._id,
        displayName: recipient.displayName,
        town: recipient.town,
        community: recipient.community,
        categories: recipient.categories,
      },
      community: recipient.community,
      positionEnc: positionOf(recipient, key),
      brigadeId: brigade._id,
      brigadeName: brigade.name,
      town: recipient.town,
      goals: input.goals,
      ...(input.reviewAt !== undefined ? { reviewAt: input.reviewAt } : {}),
      updatedAt: now,
    };
    let planId = input.planId;
    let services: PlanService[];
    if (planId && editing) {
      if (editing.recipientId !== recipient._id) throw invalid('服务计划与服务对象不符');
      if (editing.brigadeId !== brigade._id && !(await planManager(ctx, editing))) throw denied();
      const id = planId;
      const merged = await inTransaction(async (tx) => {
        const plan = await planRepo.getInTransaction(tx, id);
        if (!plan) throw notFound('服务计划不存在');
        requireOpen(plan);
        const merge = mergeServices(plan.services, input.services, newId);
        if ('problem' in merge) throw precondition(merge.problem);
        await planRepo.updateInTransaction(tx, id, { ...fields, services: merge.services });
        return merge;
      });
      services = merged.services;
      if (merged.removed.length) {
        await assignments.endOfServices(id, merged.removed, now);
        await withdrawVisits(ctx, id, merged.removed, now);
      }
      await reconcileVisits(ctx, id, now);
    } else {
      const draft = mergeServices([], input.services, newId);
      if ('problem' in draft) throw invalid(draft.problem);
      planId = newId();
      services = draft.services;
      await planRepo.insert({ _id: planId, ...fields, services, status: 'open', createdAt: now });
    }
    if (input.surveyId) await surveys.markConverted(input.surveyId, { planId, recipientId: recipient._id });
    await countPlan(ctx, planId);
    return { planId, services };
  },
};

export const plans: Action<ListPlansRequest, Page<Plan>> = {
  access: 'volunteer',
  input: z.object({
    ...page,
    town: z.optional(oneOf('镇区', TOWNS)),
    brigadeId: z.optional(id('大队')),
    recipientId: z.optional(id('服务对象')),
    status: z.optional(oneOf('状态', ['open', 'closed'] as const)),
    dueForReview: z.optional(bool('待评估')),
  }) as unknown as Schema<ListPlansRequest>,
  async run(input, ctx) {
    const filter: planRepo.PlanFilter = {};
    if (input.brigadeId) {
      const brigade = await brigades.findById(input.brigadeId);
      if (!brigade) throw notFound('大队不存在或已撤销');
      await requireManager(ctx, brigade.town, brigade.leaderIds);
      filter.brigadeId = brigade._id;
    } else {
      const town = input.town ?? (await ctx.coordinatorTowns())[0];
      if (!town) throw denied('仅镇区社工（协调员）或大队负责人可以查看服务计划');
      await requireCoordinator(ctx, town);
      filter.town = town;
    }
    if (input.recipientId) filter.recipientId = input.recipientId;
    if (input.status) filter.status = input.status as PlanStatus;
    const size = Math.min(pageSizeOf(input.pageSize), PAGE_SIZE_MAX);
    const rows = input.dueForReview
      ? await planRepo.dueForReview(filter, Date.now(), after('reviewAt', 'asc', input.cursor), size + 1)
      : await planRepo.page(filter, after('updatedAt', 'desc', input.cursor), size + 1);
    const cut = pageOf(rows, size, input.dueForReview ? 'reviewAt' : 'updatedAt');
    return { ...cut, items: cut.items.map(planRepo.toPlan) };
  },
};

export const plan: Action<{ planId: string }, Plan & { assignments: Assignment[] }> = {
  access: 'volunteer',
  input: z.object({ planId: id('服务计划') }),
  async run(input, ctx) {
    const doc = await loadPlan(input.planId);
    const [manager, pairs, recent] = await Promise.all([
      planManager(ctx, doc),
      assignments.ofPlan(doc._id),
      notes.ofPlan(doc._id),
    ]);
    const me = (await ctx.volunteer())?._id;
    if (!manager && !pairs.some((a) => a.volunteerId === me && a.status === 'accepted')) throw notAllowed();
    return {
      ...planRepo.toPlan(doc),
      notes: recent.map(notes.toNote),
      assignments: pairs.map(assignments.toAssignment),
    };
  },
};

export const reviewPlan: Action<ReviewPlanRequest, { status: PlanStatus; reviewAt?: number }> = {
  access: 'volunteer',
  input: z.object({
    planId: id('服务计划'),
    note: text('评估记录', 500),
    nextReviewAt: z.optional(epochMs('下次评估日期')),
    close: z.optional(bool('结案')),
  }),
  async run(input, ctx) {
    const doc = await loadPlan(input.planId);
    const volunteer = await requirePlanManager(ctx, doc);
    requireOpen(doc);
    const now = Date.now();
    if (input.nextReviewAt !== undefined && input.nextReviewAt <= now) throw invalid('下次评估日期须在今天之后');
    await checkText(ctx, { note: input.note });
    const reviewAt = input.close ? undefined : (input.nextReviewAt ?? doc.reviewAt);
    await inTransaction(async (tx) => {
      const current = await planRepo.getInTransaction(tx, doc._id);
      if (!current) throw notFound('服务计划不存在');
      requireOpen(current);
      const patch: Partial<planRepo.PlanDoc> = input.close
        ? {
            status: 'closed',
            closedAt: now,
            closeNote: input.note,
            services: current.services.map((s) => ({ ...s, status: 'ended' as const })),
            updatedAt: now,
          }
        : { ...(reviewAt !== undefined ? { reviewAt } : {}), updatedAt: now };
      await planRepo.updateInTransaction(tx, doc._id, patch);
    });
    await notes.insert({
      _id: newId(),
      planId: doc._id,
      text: `${input.close ? '结案' : '评估'}：${input.note}`,
      author: volunteer.name,
      authorId: volunteer._id,
      at: now,
    });
    await countPlan(ctx, doc._id);
    if (input.close) {
      const carers = (await assignments.ofPlan(doc._id)).filter((a) => a.status === 'accepted');
      await assignments.endOfPlan(doc._id, ['offered', 'volunteered', 'accepted'], now);
      await withdrawVisits(ctx, doc._id, undefined, now);
      await queueEnded(ctx, doc, carers);
      // A plan made from a time-bank redemption closes without its delivery confirmed: the minutes go back.
      await cancelForClosedPlan(ctx, doc.recipientId, volunteer._id, input.note);
      return { status: 'closed' };
    }
    return { status: 'open', ...(reviewAt !== undefined ? { reviewAt } : {}) };
  },
};

export const addNote: Action<{ planId: string; text: string; postId?: string }, VisitNote> = {
  access: 'volunteer',
  input: z.object({ planId: id('服务计划'), text: text('探访记录', 500), postId: z.optional(id('服务活动')) }),
  async run(input, ctx) {
    const doc = await loadPlan(input.planId);
    const [manager, pairs] = await Promise.all([planManager(ctx, doc), assignments.ofPlan(doc._id)]);
    const volunteer = await ctx.requireVolunteer();
    const carer = pairs.some((a) => a.volunteerId === volunteer._id && a.status === 'accepted');
    if (!manager && !carer) throw denied('仅该服务计划的管理者或已接受服务的义工可以写探访记录');
    requireOpen(doc);
    await checkText(ctx, { text: input.text });
    const note: notes.VisitNoteDoc = {
      _id: newId(),
      planId: doc._id,
      text: input.text,
      author: volunteer.name,
      authorId: volunteer._id,
      ...(input.postId ? { postId: input.postId } : {}),
      at: Date.now(),
    };
    await notes.insert(note);
    await countVisit(ctx, doc.town, note._id, carer);
    return notes.toNote(note);
  },
};
