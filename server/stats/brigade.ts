/** stats.brigade (that brigade's leaders, its town's coordinators, hq) — the brigade's slice of the month counter documents. */
import type { BrigadeStatsResponse, StatsApi } from '../../typings/api/stats';
import type { Action } from '../handler';
import { monthDocs } from '../repos/stats';
import { key } from '../rules/stats';
import { brigadeInput, monthsOf } from './period';
import { brigadeInScope } from './scope';
import { summarizeBrigade } from './summary';

export const brigade: Action<StatsApi['brigade']['req'], BrigadeStatsResponse> = {
  access: 'anyone',
  input: brigadeInput,
  async run(input, ctx) {
    const doc = await brigadeInScope(ctx, input.brigadeId);
    const { from, to } = monthsOf(input);
    // Only this brigade's slice of each month document travels.
    const docs = await monthDocs(from, to, { [`byBrigade.${key(doc._id)}`]: true });
    return summarizeBrigade(docs, { brigadeId: doc._id, name: doc.name, members: doc.memberCount ?? 0 });
  },
};
