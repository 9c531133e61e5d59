/** Whose figures the caller may see: hq every town's; a town's coordinator that town's; leaders their brigade's. */
import { leads, loadBrigade } from '../brigades/access';
import type { RequestContext } from '../context';
import { denied } from '../errors';
import type { BrigadeDoc } from '../repos/brigades';

/** The town to count: any (or all) for hq; for a coordinator one of theirs, their first by default. */
export async function townInScope(ctx: RequestContext, town: string | undefined): Promise<string | undefined> {
  if (await ctx.isHq()) return town;
  const towns = await ctx.coordinatorTowns();
  if (towns.length === 0) throw denied('仅总队工作人员可以进行此操作');
  if (town && !towns.some((t) => t === town)) throw denied('只能查看你负责的镇区的统计');
  return town ?? towns[0];
}

/** The brigade, if the caller leads it, coordinates its town or is hq; PERMISSION_DENIED otherwise. */
export async function brigadeInScope(ctx: RequestContext, brigadeId: string): Promise<BrigadeDoc> {
  const [brigade, volunteer] = await Promise.all([loadBrigade(brigadeId), ctx.volunteer()]);
  if (leads(brigade, volunteer)) return brigade;
  if (await ctx.isHq()) return brigade;
  const towns = await ctx.coordinatorTowns();
  if (towns.includes(brigade.town)) return brigade;
  throw denied(towns.length ? '只能查看你负责的镇区的大队统计' : '仅该大队的负责人可以进行此操作');
}
