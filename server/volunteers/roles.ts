/**
 * The role copy on a volunteer's document (see `RoleCopy`): read by `me`, filled once from the sources for
 * profiles made before it existed. Authorization never reads it: it reads memberships, brigades and staff.
 */
import type { RequestContext } from '../context';
import { ledBy } from '../repos/brigades';
import { townsOf } from '../repos/coordinators';
import { ofVolunteer } from '../repos/memberships';
import { isAppointedHq } from '../repos/staff';
import { fillHqRole, fillRoles, fillTownsRole, type RoleCopy, type VolunteerDoc } from '../repos/volunteers';

export async function roleCopyOf(ctx: RequestContext, volunteer: VolunteerDoc): Promise<RoleCopy> {
  const copy = volunteer.roles;
  if (copy?.hq !== undefined && copy.towns !== undefined) return copy;
  if (copy) return completeCopy(ctx, volunteer._id, copy);
  const [led, memberships, hq, towns] = await Promise.all([
    ledBy(volunteer._id),
    ofVolunteer(volunteer._id),
    isAppointedHq(ctx.openid),
    townsOf(volunteer._id),
  ]);
  const leads = new Set(led.map((b) => b._id));
  const roles: RoleCopy = {
    hq,
    towns,
    brigades: Object.fromEntries(
      memberships.map((m) => [m.brigadeId, { name: m.brigadeName, status: m.status, leader: leads.has(m.brigadeId) }]),
    ),
  };
  await fillRoles(volunteer._id, roles);
  return roles;
}

/** A copy made before hq or the towns were kept in it: reads what is missing from the sources, once. */
async function completeCopy(ctx: RequestContext, volunteerId: string, copy: RoleCopy): Promise<RoleCopy> {
  const [hq, towns] = await Promise.all([copy.hq ?? isAppointedHq(ctx.openid), copy.towns ?? townsOf(volunteerId)]);
  await Promise.all([
    copy.hq === undefined ? fillHqRole(volunteerId, hq) : undefined,
    copy.towns === undefined ? fillTownsRole(volunteerId, towns) : undefined,
  ]);
  return { ...copy, hq, towns };
}
