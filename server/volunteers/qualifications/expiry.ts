/**
 * What happens to qualifications without a reviewer: the daily timer marks those past their expiry `expired` (and
 * refreshes the copy on the volunteer), and the media check's verdict on a certificate photo comes back — a risky
 * photo rejects its qualification and is deleted.
 */
import type { RequestContext } from '../../context';
import { registerMediaHook, removeFiles, type MediaResultHook } from '../../files/index';
import * as repo from '../../repos/qualifications';
import { RISKY_REASON } from '../../rules/qualifications';
import { refreshHeld } from './held';

/** Documents per batch, and batches per run: 20,000 expiries a day at most (the rest the next day). */
export const EXPIRY_BATCH = 200;
const MAX_BATCHES = 100;

/** The daily timer: every open qualification past its expiry becomes `expired`. */
export async function expireQualifications(ctx: RequestContext): Promise<{ expired: number }> {
  const now = Date.now();
  let expired = 0;
  for (let round = 0; round < MAX_BATCHES; round += 1) {
    const batch = await repo.expiredBatch(now, EXPIRY_BATCH);
    const lost = new Set<string>();
    for (const doc of batch) {
      if (!(await repo.transition(doc._id, [doc.status], { status: 'expired' }))) continue;
      expired += 1;
      if (doc.status === 'verified') lost.add(doc.volunteerId);
    }
    for (const volunteerId of lost) await refreshHeld(ctx, volunteerId, await repo.ofVolunteer(volunteerId), now);
    if (batch.length < EXPIRY_BATCH) break;
  }
  ctx.log.info('qualifications-expired', { expired });
  return { expired };
}

/** The media check's verdict on a certificate photo (`ref` is the qualificationId). */
export const onQualificationMedia: MediaResultHook = async (ctx, ref, media) => {
  if (media === 'checking') return;
  await repo.setMedia(ref, media);
  if (media !== 'risky') return;
  const doc = await repo.findById(ref);
  if (!doc) return;
  await repo.transition(ref, ['pending'], { status: 'rejected', reason: RISKY_REASON, reviewedAt: Date.now() });
  await removeFiles([doc.fileId]);
  ctx.log.info('qualification-photo-risky', { qualificationId: ref });
};

registerMediaHook('qualification', onQualificationMedia);
