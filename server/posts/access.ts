/** Post-level authorization: a post is managed by the leaders of its brigade; a visit is seen only by those concerned. */
import type { RequestContext } from '../context';
import { notFound } from '../errors';
import { leads, requireLeaderOf } from '../brigades/access';
import { findById as findBrigade, type BrigadeDoc } from '../repos/brigades';
import { findById, type PostDoc } from '../repos/posts';
import type { SignupDoc } from '../repos/signups';
import type { VolunteerDoc } from '../repos/volunteers';

export const postNotFound = () => notFound('招募不存在或已删除');

export async function loadPost(postId: string): Promise<PostDoc> {
  const post = await findById(postId);
  if (!post) throw postNotFound();
  return post;
}

export async function requirePostLeader(ctx: RequestContext, postId: string): Promise<PostDoc> {
  const post = await loadPost(postId);
  await requireLeaderOf(ctx, post.brigadeId);
  return post;
}

export const isLive = (signup: SignupDoc | undefined) =>
  signup?.status === 'confirmed' || signup?.status === 'waitlisted';

/**
 * A visit (`visibility: assigned`) exists only for its signed-up carers, the leaders of its brigade (read from the
 * brigade, not the role copy), the coordinator of its town and hq: for anyone else NOT_FOUND, as if it did not.
 * A public post costs nothing here.
 */
export async function requireVisitReader(
  ctx: RequestContext,
  post: PostDoc,
  volunteer: VolunteerDoc | undefined,
  signup: SignupDoc | undefined,
  known?: BrigadeDoc,
): Promise<void> {
  if (post.visibility !== 'assigned' || (volunteer && isLive(signup))) return;
  const [brigade, towns, hq] = await Promise.all([
    volunteer ? (known ?? findBrigade(post.brigadeId)) : undefined,
    ctx.coordinatorTowns(),
    ctx.isHq(),
  ]);
  if (hq || towns.includes(post.town) || (brigade && leads(brigade, volunteer))) return;
  throw postNotFound();
}
