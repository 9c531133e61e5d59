/**
 * stats.overview (hq; a coordinator for their town) — every figure in total, by town, brigade, month and category for an optional period, from
 * the month counter documents (one per month, never a scan of raw records), the needs counter document (供需配对),
 * the training document (培训与资格; with a period, every month's town figures for the shares' denominator), the
 * board's per-town wish counters (微心愿), the sources of sign-ups and joins (招募来源) and one count of active volunteers.
 */
import type { OverviewRequest, OverviewResponse } from '../../typings/api/stats';
import type { Action } from '../handler';
import { monthDocs, needsDoc, trainingDoc } from '../repos/stats';
import { countServedSince } from '../repos/volunteers';
import { key } from '../rules/stats';
import { monthsOf, overviewInput } from './period';
import { townInScope } from './scope';
import { summarizeNeeds } from './needs-summary';
import { summarizeSources } from './sources-summary';
import { summarize } from './summary';
import { summarizeTraining } from './training-summary';
import { summarizeWishes } from './wishes-summary';

/** "Active": served (had minutes recorded) within this many days. */
export const ACTIVE_DAYS = 90;
const DAY = 86_400_000;

export const overview: Action<OverviewRequest, OverviewResponse> = {
  access: 'anyone',
  input: overviewInput,
  async run(input, ctx) {
    const town = await townInScope(ctx, input.town);
    const { from, to } = monthsOf(input);
    const bounded = from !== undefined || to !== undefined;
    const [docs, activeVolunteers, needs, people, allMonths, wishes] = await Promise.all([
      monthDocs(from, to),
      countServedSince(Date.now() - ACTIVE_DAYS * DAY, town),
      needsDoc(town ? [town] : undefined),
      trainingDoc(town ? [`total`, `byTown.${key(town)}`] : undefined),
      // The shares' denominator is the volunteers registered now: every month, whatever the period.
      bounded ? monthDocs(undefined, undefined, { byTown: true }) : undefined,
      summarizeWishes(town),
    ]);
    return {
      ...summarize(docs, town),
      activeVolunteers,
      needs: summarizeNeeds(needs, town, from, to),
      training: summarizeTraining(docs, allMonths ?? docs, people, town),
      wishes,
      sources: summarizeSources(docs, (d) => (town ? d.byTown?.[key(town)] : d.total)),
    };
  },
};
