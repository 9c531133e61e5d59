/** volunteers.me — who am I: registration, profile, card, stars, hours, brigades and roles (two reads at most). */
import type { Action } from '../handler';
import type { MeResponse } from '../../typings/api/volunteers';
import { TOWNS } from '../../typings/data';
import type { Role } from '../../typings/entities';
import { findById as accountOf, volunteerAccountId } from '../repos/accounts';
import { none } from '../schema';
import { toProfile } from './profile';
import { roleCopyOf } from './roles';

export const me: Action<Record<string, never>, MeResponse> = {
  access: 'anyone',
  input: none,
  async run(_input, ctx) {
    const volunteer = await ctx.volunteer();
    if (!volunteer) return { registered: false, roles: await ctx.roles(false) };
    const [roles, account] = await Promise.all([
      roleCopyOf(ctx, volunteer),
      accountOf(volunteerAccountId(volunteer._id)),
    ]);
    const towns = TOWNS.filter((town) => roles.towns?.includes(town));
    const brigades = Object.entries(roles.brigades).filter(([, b]) => b.status === 'active' || b.status === 'pending');
    return {
      registered: true,
      profile: toProfile(volunteer),
      cardNo: volunteer.cardNo,
      stars: volunteer.stars,
      earnedMinutes: volunteer.earnedMinutes,
      ...(volunteer.honourTitles?.length ? { honourTitles: volunteer.honourTitles } : {}),
      balanceMinutes: account?.balance ?? 0,
      brigades: brigades.map(([brigadeId, b]) => ({ brigadeId, name: b.name, status: b.status, leader: b.leader })),
      roles: withCoordinator(
        await ctx.roles(
          brigades.some(([, b]) => b.leader),
          roles.hq,
        ),
        towns.length > 0,
      ),
      coordinatorTowns: towns,
    };
  },
};

/** 'coordinator' in its place (before 'hq'), for a town's coordinator. */
const withCoordinator = (roles: Role[], coordinates: boolean): Role[] =>
  coordinates ? [...roles.filter((r) => r !== 'hq'), 'coordinator', ...roles.filter((r) => r === 'hq')] : roles;
