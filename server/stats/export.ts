/**
 * stats.export (hq; a coordinator for their town) — the brigade table of a period, then the 供需配对 table by town,
 * the 培训与资格 tables by town and by brigade, the 微心愿 table by town and the 招募来源 table, as CSV, returned inline (one row per
 * brigade: small).
 */
import type { ExportResponse, OverviewRequest } from '../../typings/api/stats';
import type { Action } from '../handler';
import * as brigades from '../repos/brigades';
import { monthDocs, needsDoc, trainingDoc } from '../repos/stats';
import { key } from '../rules/stats';
import { shanghaiMonth } from '../rules/time';
import { brigadeCsv, exportFileName, needsCsv, trainingCsv } from './csv';
import { summarizeNeeds } from './needs-summary';
import { monthsOf, overviewInput } from './period';
import { townInScope } from './scope';
import { sourcesCsv, summarizeSources } from './sources-summary';
import { summarize } from './summary';
import { brigadeTraining, summarizeTraining } from './training-summary';
import { summarizeWishes, wishesCsv } from './wishes-summary';

/** The brigades with trainings in the period or trained or qualified members, in the town when given. */
async function trainingBrigades(
  docs: Awaited<ReturnType<typeof monthDocs>>,
  people: Awaited<ReturnType<typeof trainingDoc>>,
  town: string | undefined,
) {
  const ids = new Set(Object.keys(people?.byBrigade ?? {}));
  for (const doc of docs) {
    for (const [id, slice] of Object.entries(doc.byBrigade ?? {})) if (slice.trainings) ids.add(id);
  }
  const found = (await brigades.byIds([...ids].slice(0, 1000))).filter((b) => !town || b.town === town);
  return found
    .map((b) => ({ name: b.name, ...brigadeTraining(docs, people, b._id, b.memberCount ?? 0) }))
    .filter((b) => b.trainings + b.trainedVolunteers + b.qualifiedVolunteers > 0)
    .sort((a, b) => b.trainings - a.trainings || b.trainingMinutes - a.trainingMinutes || (a.name < b.name ? -1 : 1));
}
export const exportCsv: Action<OverviewRequest, ExportResponse> = {
  access: 'anyone',
  input: overviewInput,
  async run(input, ctx) {
    const town = await townInScope(ctx, input.town);
    const { from, to } = monthsOf(input);
    const bounded = from !== undefined || to !== undefined;
    const [docs, needs, people, allMonths, wishes] = await Promise.all([
      monthDocs(from, to),
      needsDoc(town ? [town] : undefined),
      trainingDoc(),
      bounded ? monthDocs(undefined, undefined, { byTown: true }) : undefined,
      summarizeWishes(town),
    ]);
    const now = shanghaiMonth(Date.now());
    const first = from ?? docs[0]?.period ?? now;
    const last = to ?? docs[docs.length - 1]?.period ?? now;
    const training = summarizeTraining(docs, allMonths ?? docs, people, town);
    const csv =
      brigadeCsv(summarize(docs, town).byBrigade) +
      needsCsv(summarizeNeeds(needs, town, from, to)) +
      trainingCsv(training, await trainingBrigades(docs, people, town)) +
      wishesCsv(wishes) +
      sourcesCsv(summarizeSources(docs, (d) => (town ? d.byTown?.[key(town)] : d.total)));
    return { csv, fileName: exportFileName(first, last) };
  },
};
