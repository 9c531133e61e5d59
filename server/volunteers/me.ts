/** volunteers.me — who am I: registration, profile, card, stars, hours and roles. */
import type { Action } from '../handler';
import type { MeResponse } from '../../typings/api/volunteers';
import { ledBy } from '../repos/brigades';
import { none } from '../schema';
import { toProfile } from './profile';

export const me: Action<Record<string, never>, MeResponse> = {
  access: 'anyone',
  input: none,
  async run(_input, ctx) {
    const volunteer = await ctx.volunteer();
    if (!volunteer) return { registered: false, roles: await ctx.roles(false) };
    const led = await ledBy(volunteer._id);
    return {
      registered: true,
      profile: toProfile(volunteer),
      cardNo: volunteer.cardNo,
      stars: volunteer.stars,
      earnedMinutes: volunteer.earnedMinutes,
      roles: await ctx.roles(led.length > 0),
    };
  },
};
