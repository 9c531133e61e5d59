/** Notices of the needs domain, queued in the outbox: 结对邀请 to an offered volunteer, 服务结束 to carers. */
import type { RequestContext } from '../context';
import { needsSubject, queue, type Notice } from '../reminders/notices';
import type { AssignmentDoc } from '../repos/assignments';
import type { PlanDoc } from '../repos/plans';
import { noticeData } from '../rules/outbox';

/** Where an offered or accepted volunteer lands: 我的结对. */
export const MINE_PAGE = 'needs/pages/mine/index';

const assignmentSubject = (assignmentId: string) => `assignment:${assignmentId}`;

function notice(kind: 'offered' | 'ended', plan: PlanDoc, a: AssignmentDoc, note: string): Notice {
  const service = plan.services.find((s) => s.serviceId === a.serviceId);
  return {
    kind,
    subject: assignmentSubject(a._id),
    grantSubject: needsSubject(a.volunteerId),
    page: MINE_PAGE,
    data: noticeData(kind, `${plan.recipient.displayName} · ${service?.category ?? '结对服务'}`, note),
  };
}

/** 结对邀请: answer before the offer expires (48 h). */
export function queueOffers(ctx: RequestContext, plan: PlanDoc, offers: AssignmentDoc[]): Promise<number> {
  return queue(
    ctx,
    offers.map((a) => notice('offered', plan, a, '请在 48 小时内回复是否接受')),
  );
}

/** 服务结束: the plan was closed. */
export function queueEnded(ctx: RequestContext, plan: PlanDoc, carers: AssignmentDoc[]): Promise<number> {
  return queue(
    ctx,
    carers.map((a) => notice('ended', plan, a, '服务计划已结案，感谢您的陪伴')),
  );
}
