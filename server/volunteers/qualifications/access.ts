/**
 * Who may review a volunteer's qualifications and see their certificate photos: a leader of one of the brigades
 * they were an active member of when they submitted it, the coordinator of their town, or hq — never themselves.
 * Checked cheapest-first, so a leader's review reads neither `coordinators` nor `staff`.
 */
import type { Town } from '../../../typings/data';
import type { RequestContext } from '../../context';
import { denied } from '../../errors';
import { ledBy } from '../../repos/brigades';
import type { VolunteerDoc } from '../../repos/volunteers';
import { reviewRefusal, type ReviewerStanding } from '../../rules/qualifications';

export interface Reviewed {
  volunteerId: string;
  town: Town;
  brigadeIds: string[];
}

/** The caller's profile (undefined for hq without one) if they may review; PERMISSION_DENIED otherwise. */
export async function requireReviewer(ctx: RequestContext, q: Reviewed): Promise<VolunteerDoc | undefined> {
  const caller = await ctx.volunteer();
  const who: ReviewerStanding = { callerId: caller?._id, hq: false, towns: [], leads: [] };
  const own = caller?._id === q.volunteerId;
  if (caller && !own) {
    who.leads = (await ledBy(caller._id)).map((b) => b._id);
    if (!reviewRefusal(who, q)) return caller;
    who.towns = await ctx.coordinatorTowns();
    if (!reviewRefusal(who, q)) return caller;
  }
  who.hq = !own && (await ctx.isHq());
  const refusal = reviewRefusal(who, q);
  if (refusal) throw denied(refusal);
  return caller;
}
