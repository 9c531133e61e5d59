/**
 * Who may do what in the needs domain (SPEC "Recipients", "Matching"): the coordinator of the town and the leaders
 * of the brigade concerned manage recipients, surveys, plans and matching; accepted carers read what a visit needs.
 */
import type { Town } from '../../typings/data';
import type { RequestContext } from '../context';
import { denied } from '../errors';
import type { VolunteerDoc } from '../repos/volunteers';

/** How the caller stands towards one town and (optionally) one brigade. */
export interface Standing {
  volunteer?: VolunteerDoc;
  coordinator: boolean;
  leader: boolean;
}

/** Whether the caller coordinates `town` and/or leads `brigadeId` (from the authoritative collections). */
export async function standing(ctx: RequestContext, town: Town, brigadeLeaderIds: string[] = []): Promise<Standing> {
  const [volunteer, towns] = await Promise.all([ctx.volunteer(), ctx.coordinatorTowns()]);
  return {
    volunteer,
    coordinator: towns.includes(town),
    leader: !!volunteer && brigadeLeaderIds.includes(volunteer._id),
  };
}

/** The caller manages this town's needs (coordinator) or this brigade's (leader); PERMISSION_DENIED otherwise. */
export async function requireManager(
  ctx: RequestContext,
  town: Town,
  brigadeLeaderIds: string[] = [],
): Promise<Standing & { volunteer: VolunteerDoc }> {
  const s = await standing(ctx, town, brigadeLeaderIds);
  if (!s.volunteer || (!s.coordinator && !s.leader)) {
    throw denied('仅该镇区的社工（协调员）或相关大队的负责人可以进行此操作');
  }
  return { ...s, volunteer: s.volunteer };
}

/** The caller coordinates `town`; PERMISSION_DENIED otherwise. */
export async function requireCoordinator(ctx: RequestContext, town: Town): Promise<VolunteerDoc> {
  const s = await standing(ctx, town);
  if (!s.volunteer || !s.coordinator) throw denied('仅该镇区的社工（协调员）可以进行此操作');
  return s.volunteer;
}
