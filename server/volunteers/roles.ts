/**
 * The role copy on a volunteer's document (see `RoleCopy`): read by `me`, filled once from the sources for
 * profiles made before it existed. Authorization never reads it: it reads memberships, brigades and staff.
 */
import type { RequestContext } from '../context';
import { ledBy } from '../repos/brigades';
import { ofVolunteer } from '../repos/memberships';
import { isAppointedHq } from '../repos/staff';
import { fillHqRole, fillRoles, type RoleCopy, type VolunteerDoc } from '../repos/volunteers';

export async function roleCopyOf(ctx: RequestContext, volunteer: VolunteerDoc): Promise<RoleCopy> {
  const copy = volunteer.roles;
  if (copy?.hq !== undefined) return copy;
  if (copy) {
    const hq = await isAppointedHq(ctx.openid);
    await fillHqRole(volunteer._id, hq);
    return { ...copy, hq };
  }
  const [led, memberships, hq] = await Promise.all([
    ledBy(volunteer._id),
    ofVolunteer(volunteer._id),
    isAppointedHq(ctx.openid),
  ]);
  const leads = new Set(led.map((b) => b._id));
  const roles: RoleCopy = {
    hq,
    brigades: Object.fromEntries(
      memberships.map((m) => [m.brigadeId, { name: m.brigadeName, status: m.status, leader: leads.has(m.brigadeId) }]),
    ),
  };
  await fillRoles(volunteer._id, roles);
  return roles;
}
