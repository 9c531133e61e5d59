/** stats.export (hq; a coordinator for their town) — the brigade table of a period as CSV, returned inline (one row per brigade: small). */
import type { ExportResponse, OverviewRequest } from '../../typings/api/stats';
import type { Action } from '../handler';
import { monthDocs } from '../repos/stats';
import { shanghaiMonth } from '../rules/time';
import { brigadeCsv, exportFileName } from './csv';
import { monthsOf, overviewInput } from './period';
import { townInScope } from './scope';
import { summarize } from './summary';

export const exportCsv: Action<OverviewRequest, ExportResponse> = {
  access: 'anyone',
  input: overviewInput,
  async run(input, ctx) {
    const town = await townInScope(ctx, input.town);
    const { from, to } = monthsOf(input);
    const docs = await monthDocs(from, to);
    const now = shanghaiMonth(Date.now());
    const first = from ?? docs[0]?.period ?? now;
    const last = to ?? docs[docs.length - 1]?.period ?? now;
    return { csv: brigadeCsv(summarize(docs, town).byBrigade), fileName: exportFileName(first, last) };
  },
};
