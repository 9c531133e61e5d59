/**
 * The volunteer's copy of their verified qualifications and the qualified-volunteer counter. The counter counts a
 * volunteer while any of their qualifications is `verified`: +1 at their first verification, −1 when the daily
 * timer expires their last one or they erase their profile, so every +1 meets exactly one −1 (matching, sign-up
 * and the card check `expiresAt` at read time; the nightly reconciliation repairs the counter).
 */
import type { RequestContext } from '../../context';
import type { QualificationDoc } from '../../repos/qualifications';
import { setHeldQualifications } from '../../repos/volunteers';
import { heldCopy } from '../../rules/qualifications';
import { countQualified } from '../../stats/training-count';

/** Counts like every statistics hook: never throws (a failed count is logged and repaired nightly). */
export async function countQualifiedSafely(ctx: RequestContext, volunteerId: string, delta: 1 | -1): Promise<void> {
  try {
    await countQualified(ctx, volunteerId, delta);
  } catch (error) {
    ctx.log.error('qualified-count-failed', { volunteerId, delta, message: (error as Error)?.message });
  }
}

/** After some of a volunteer's verified qualifications expired: the copy from their documents, −1 if none is left. */
export async function refreshHeld(ctx: RequestContext, volunteerId: string, docs: QualificationDoc[], now: number) {
  await setHeldQualifications(volunteerId, heldCopy(docs, now));
  if (!docs.some((q) => q.status === 'verified')) await countQualifiedSafely(ctx, volunteerId, -1);
}
