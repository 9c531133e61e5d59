/**
 * Places on a post: taking one (conditional atomic update), transferring a freed one to the first waitlisted
 * volunteer (so nobody jumps the queue), and filling places after the quota grows. Bounded per call.
 */
import type { RequestContext } from '../context';
import { queuePromotedNotices } from '../reminders/notices';
import * as posts from '../repos/posts';
import * as signups from '../repos/signups';

/** Hands a confirmed place that is being given up to the first waitlisted volunteer; releases it if none is left. */
export async function transferPlace(ctx: RequestContext, post: posts.PostDoc): Promise<signups.SignupDoc | undefined> {
  // Always look (the count read earlier may be stale): a waitlisted person must never wait beside a free place.
  for (const candidate of await signups.firstWaitlisted(post._id, 3)) {
    if (await signups.transition(candidate._id, ['waitlisted'], { status: 'confirmed' })) {
      await posts.bump(post._id, 0, -1);
      ctx.log.info('promoted', { postId: post._id, volunteerId: candidate.volunteerId });
      await queuePromotedNotices(ctx, post, [candidate]);
      return candidate;
    }
  }
  await posts.bump(post._id, -1, 0);
  return undefined;
}

/** Moves waitlisted volunteers up while places are free (after the quota grew). */
export async function fillPlaces(ctx: RequestContext, post: posts.PostDoc, max = 20): Promise<signups.SignupDoc[]> {
  const promoted: signups.SignupDoc[] = [];
  while (promoted.length < max && (await posts.takePlace(post._id, post.quota))) {
    const [candidate] = await signups.firstWaitlisted(post._id, 1);
    if (!candidate || !(await signups.transition(candidate._id, ['waitlisted'], { status: 'confirmed' }))) {
      await posts.bump(post._id, -1, 0);
      if (!candidate) break;
      continue;
    }
    await posts.bump(post._id, 0, -1);
    promoted.push(candidate);
    ctx.log.info('promoted', { postId: post._id, volunteerId: candidate.volunteerId });
  }
  await queuePromotedNotices(ctx, post, promoted);
  return promoted;
}
