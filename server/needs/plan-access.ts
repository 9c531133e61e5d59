/** Loading a plan and checking who may manage it or read it (managers, or an accepted carer of the plan). */
import type { RequestContext } from '../context';
import { denied, notFound, precondition } from '../errors';
import * as brigades from '../repos/brigades';
import * as plans from '../repos/plans';
import type { VolunteerDoc } from '../repos/volunteers';
import { requireManager } from './access';

export async function loadPlan(planId: string): Promise<plans.PlanDoc> {
  const plan = await plans.findById(planId);
  if (!plan) throw notFound('服务计划不存在');
  return plan;
}

export const requireOpen = (plan: plans.PlanDoc) => {
  if (plan.status !== 'open') throw precondition('该服务计划已结案');
};

/** Whether the caller manages the plan: coordinator of its town (no brigade read), else a leader of its brigade. */
export async function planManager(ctx: RequestContext, plan: plans.PlanDoc): Promise<VolunteerDoc | undefined> {
  const [volunteer, towns] = await Promise.all([ctx.volunteer(), ctx.coordinatorTowns()]);
  if (!volunteer) return undefined;
  if (towns.includes(plan.town)) return volunteer;
  const brigade = await brigades.findById(plan.brigadeId);
  return brigade?.leaderIds.includes(volunteer._id) ? volunteer : undefined;
}

export async function requirePlanManager(ctx: RequestContext, plan: plans.PlanDoc): Promise<VolunteerDoc> {
  const manager = await planManager(ctx, plan);
  if (manager) return manager;
  return (await requireManager(ctx, plan.town)).volunteer;
}

export const notAllowed = () => denied('仅该服务计划的管理者或已接受服务的义工可以查看');
