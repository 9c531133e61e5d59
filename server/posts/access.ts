/** Post-level authorization: a post is managed by the leaders of its brigade. */
import type { RequestContext } from '../context';
import { notFound } from '../errors';
import { requireLeaderOf } from '../brigades/access';
import { findById, type PostDoc } from '../repos/posts';

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
