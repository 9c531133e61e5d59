/** stats.export (hq) — the brigade table of a period as CSV, returned inline (one row per brigade: small). */
import type { ExportResponse, OverviewRequest } from '../../typings/api/stats';
import type { Action } from '../handler';
import { monthDocs } from '../repos/stats';
import { shanghaiMonth } from '../rules/time';
import { brigadeCsv, exportFileName } from './csv';
import { monthsOf, overviewInput } from './period';
import { summarize } from './summary';

export const exportCsv: Action<OverviewRequest, ExportResponse> = {
  access: 'hq',
  input: overviewInput,
  async run(input) {
    const { from, to } = monthsOf(input);
    const docs = await monthDocs(from, to);
    const now = shanghaiMonth(Date.now());
    const first = from ?? docs[0]?.period ?? now;
    const last = to ?? docs[docs.length - 1]?.period ?? now;
    return { csv: brigadeCsv(summarize(docs, input.town).byBrigade), fileName: exportFileName(first, last) };
  },
};
