/** stats.export (hq; a coordinator for their town) — the brigade table of a period, then the 供需配对 and 微心愿 tables by town, as CSV, returned inline (one row per brigade: small). */
import type { ExportResponse, OverviewRequest } from '../../typings/api/stats';
import type { Action } from '../handler';
import { monthDocs, needsDoc } from '../repos/stats';
import { shanghaiMonth } from '../rules/time';
import { brigadeCsv, exportFileName, needsCsv } from './csv';
import { summarizeNeeds } from './needs-summary';
import { monthsOf, overviewInput } from './period';
import { townInScope } from './scope';
import { summarize } from './summary';
import { summarizeWishes, wishesCsv } from './wishes-summary';

export const exportCsv: Action<OverviewRequest, ExportResponse> = {
  access: 'anyone',
  input: overviewInput,
  async run(input, ctx) {
    const town = await townInScope(ctx, input.town);
    const { from, to } = monthsOf(input);
    const [docs, needs, wishes] = await Promise.all([
      monthDocs(from, to),
      needsDoc(town ? [town] : undefined),
      summarizeWishes(town),
    ]);
    const now = shanghaiMonth(Date.now());
    const first = from ?? docs[0]?.period ?? now;
    const last = to ?? docs[docs.length - 1]?.period ?? now;
    const csv =
      brigadeCsv(summarize(docs, town).byBrigade) + needsCsv(summarizeNeeds(needs, town, from, to)) + wishesCsv(wishes);
    return { csv, fileName: exportFileName(first, last) };
  },
};
