/** The plan page's view: each service with its carers, the notes newest first. */
import type { NeedsApi } from '../../../typings/api/needs';
import type { Assignment } from '../../../typings/needs';
import { ASSIGNMENT_STATUS_TEXT, SERVICE_STATUS_TEXT, serviceWhen } from '../../../utils/needs-view';
import { formatDate, formatDateTime } from '../../../utils/time';

type Loaded = NeedsApi['plan']['res'];

/** Who is on a service now; once the plan is closed, also who was (their pairs ended with it). */
const SHOWN = new Set(['volunteered', 'offered', 'accepted']);

function carerOf(a: Assignment) {
  const until = a.status === 'offered' && a.expiresAt ? `，${formatDateTime(a.expiresAt)} 前回复` : '';
  return {
    assignmentId: a.assignmentId,
    volunteerId: a.volunteerId,
    name: `${a.name}（${a.cardNo}）`,
    status: `${ASSIGNMENT_STATUS_TEXT[a.status]}${until}`,
    accepted: a.status === 'accepted',
    volunteered: a.status === 'volunteered',
  };
}

export function toView(p: Loaded) {
  const open = p.status === 'open';
  return {
    open,
    recipientId: p.recipient.recipientId,
    title: p.recipient.displayName,
    place: `${p.recipient.town} · ${p.recipient.community}`,
    categories: p.recipient.categories,
    brigade: p.brigadeName,
    goals: p.goals,
    review: open
      ? p.reviewAt
        ? `复评日期 ${formatDate(p.reviewAt)}${p.reviewAt < Date.now() ? '（已逾期）' : ''}`
        : '未设复评日期'
      : `已于 ${formatDate(p.closedAt ?? p.updatedAt)} 结案`,
    overdue: open && p.reviewAt !== undefined && p.reviewAt < Date.now(),
    acceptedCarers: p.assignments.filter((a) => a.status === 'accepted').length,
    services: p.services.map((s) => ({
      serviceId: s.serviceId,
      title: s.category,
      when: serviceWhen(s),
      needs: [...s.specialties, ...s.qualifications].join('、'),
      status: SERVICE_STATUS_TEXT[s.status],
      counts: `已结对 ${s.acceptedCount}/${s.people}`,
      matchable: open && s.status === 'open',
      carers: p.assignments
        .filter((a) => a.serviceId === s.serviceId && (SHOWN.has(a.status) || (!open && a.status === 'ended')))
        .map(carerOf),
    })),
    notes: (p.notes ?? []).map((n) => ({
      noteId: n.noteId,
      text: n.text,
      meta: `${n.author} · ${formatDateTime(n.at)}`,
    })),
  };
}

export type PlanView = ReturnType<typeof toView>;
