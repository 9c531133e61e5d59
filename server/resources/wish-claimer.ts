/**
 * Who claims a wish: a registered volunteer, or a verified donor (爱心企业, read through the giving side's
 * donor-thanks.ts). A person shows to others as 张**; a donor by its name only with its consent, else 爱心企业.
 */
import type { WishClaimer } from '../../typings/resources';
import type { RequestContext } from '../context';
import { unauthenticated } from '../errors';
import { maskedPerson } from '../rules/wishes';
import { verifiedDonor } from './donor-thanks';

export { donorThanks } from './donor-thanks';

export interface Claimant {
  /** The volunteerId or donorId; photos go under `wishes/<claimerId>/`. */
  claimerId: string;
  /** The volunteer's own name, kept for the claimer and the recipient's side. */
  name?: string;
  /** As everyone else sees the claimer. */
  shown: WishClaimer;
  /** A donor's consent to be thanked by name. */
  publicThanks?: boolean;
}

/** The caller as a claimer: a registered volunteer first, else a verified donor; UNAUTHENTICATED otherwise. */
export async function claimantOf(ctx: RequestContext): Promise<Claimant> {
  const volunteer = await ctx.volunteer();
  if (volunteer) {
    return {
      claimerId: volunteer._id,
      name: volunteer.name,
      shown: { name: maskedPerson(volunteer.name), kind: 'person' },
    };
  }
  const donor = await verifiedDonor(ctx.openid);
  if (donor) {
    const name = donor.publicThanks ? donor.name : '爱心企业';
    return { claimerId: donor.donorId, shown: { name, kind: 'donor' }, publicThanks: donor.publicThanks };
  }
  throw unauthenticated('请先登记成为义工，或登记爱心企业并通过审核后再认领');
}
