/** volunteers.me — who am I: registration, profile, card, stars, hours, brigades and roles. */
import type { Action } from '../handler';
import type { MeResponse } from '../../typings/api/volunteers';
import { findById as accountOf, volunteerAccountId } from '../repos/accounts';
import { ledBy } from '../repos/brigades';
import { ofVolunteer } from '../repos/memberships';
import { none } from '../schema';
import { toProfile } from './profile';

export const me: Action<Record<string, never>, MeResponse> = {
  access: 'anyone',
  input: none,
  async run(_input, ctx) {
    const volunteer = await ctx.volunteer();
    if (!volunteer) return { registered: false, roles: await ctx.roles(false) };
    const [led, memberships, account] = await Promise.all([
      ledBy(volunteer._id),
      ofVolunteer(volunteer._id),
      accountOf(volunteerAccountId(volunteer._id)),
    ]);
    const leads = new Set(led.map((b) => b._id));
    return {
      registered: true,
      profile: toProfile(volunteer),
      cardNo: volunteer.cardNo,
      stars: volunteer.stars,
      earnedMinutes: volunteer.earnedMinutes,
      ...(volunteer.honourTitles?.length ? { honourTitles: volunteer.honourTitles } : {}),
      balanceMinutes: account?.balance ?? 0,
      brigades: memberships.map((m) => ({
        brigadeId: m.brigadeId,
        name: m.brigadeName,
        status: m.status,
        leader: leads.has(m.brigadeId),
      })),
      roles: await ctx.roles(led.length > 0),
    };
  },
};
