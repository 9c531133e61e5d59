/** Brigade-level authorization: leaders manage only their own brigades; hq may act on every brigade where allowed. */
import type { RequestContext } from '../context';
import { denied, notFound } from '../errors';
import { findById, type BrigadeDoc } from '../repos/brigades';
import type { VolunteerDoc } from '../repos/volunteers';

export async function loadBrigade(brigadeId: string): Promise<BrigadeDoc> {
  const brigade = await findById(brigadeId);
  if (!brigade) throw notFound('大队不存在或已撤销');
  return brigade;
}

export const leads = (brigade: BrigadeDoc, volunteer: VolunteerDoc | undefined) =>
  !!volunteer && brigade.leaderIds.includes(volunteer._id);

/** The brigade, if the caller leads it (or is hq, when `hqToo`); PERMISSION_DENIED otherwise. */
export async function requireLeaderOf(
  ctx: RequestContext,
  brigadeId: string,
  hqToo = false,
): Promise<{ brigade: BrigadeDoc; volunteer?: VolunteerDoc; asLeader: boolean }> {
  const [brigade, volunteer] = await Promise.all([loadBrigade(brigadeId), ctx.volunteer()]);
  if (leads(brigade, volunteer)) return { brigade, volunteer, asLeader: true };
  if (hqToo && (await ctx.isHq())) return { brigade, volunteer, asLeader: false };
  throw denied('仅该大队的负责人可以进行此操作');
}
