/**
 * stats.brigade (that brigade's leaders, its town's coordinators, hq) — the brigade's slice of the month counter
 * documents and of the training document.
 */
import type { BrigadeStatsResponse, StatsApi } from '../../typings/api/stats';
import type { Action } from '../handler';
import { monthDocs, trainingDoc } from '../repos/stats';
import { key } from '../rules/stats';
import { brigadeInput, monthsOf } from './period';
import { brigadeInScope } from './scope';
import { summarizeSources } from './sources-summary';
import { summarizeBrigade } from './summary';
import { brigadeTraining } from './training-summary';

export const brigade: Action<StatsApi['brigade']['req'], BrigadeStatsResponse> = {
  access: 'anyone',
  input: brigadeInput,
  async run(input, ctx) {
    const doc = await brigadeInScope(ctx, input.brigadeId);
    const { from, to } = monthsOf(input);
    // Only this brigade's slice of each month document (and of the training document) travels.
    const slice = `byBrigade.${key(doc._id)}`;
    const [docs, people] = await Promise.all([monthDocs(from, to, { [slice]: true }), trainingDoc([slice])]);
    const members = doc.memberCount ?? 0;
    return {
      ...summarizeBrigade(docs, { brigadeId: doc._id, name: doc.name, members }),
      training: brigadeTraining(docs, people, doc._id, members),
      sources: summarizeSources(docs, (d) => d.byBrigade?.[key(doc._id)]),
    };
  },
};
