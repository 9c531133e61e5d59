/** stars.get — the caller's star level and what is still missing for the next one. */
import type { StarsResponse } from '../../typings/api/stars';
import type { Action } from '../handler';
import { averageRating, nextLevel, starLevel } from '../rules/stars';
import { none } from '../schema';
import { factsOf } from './levels';

export const get: Action<Record<string, never>, StarsResponse> = {
  access: 'volunteer',
  input: none,
  async run(_input, ctx) {
    const facts = factsOf(await ctx.requireVolunteer());
    const now = Date.now();
    const average = averageRating(facts);
    const next = nextLevel(facts, now);
    return {
      level: starLevel(facts, now),
      earnedMinutes: facts.earnedMinutes,
      ...(average !== undefined ? { averageRating: average } : {}),
      ...(next ? { next } : {}),
    };
  },
};
