/**
 * posts.poster — anyone who may see the post: its scene (one per post, made the first time and reused after) and the
 * mini program code opening the verify page, which routes the scene to the post page. A visit (assigned) stays with
 * those concerned; a cancelled post makes no poster. Three requests and the open-API call.
 */
import type { PostPosterResponse } from '../../typings/api/posts';
import { precondition } from '../errors';
import type { Action } from '../handler';
import * as posts from '../repos/posts';
import { findByOpenidWithSignup } from '../repos/volunteers';
import { posterCode } from '../volunteers/scene';
import { postNotFound, requireVisitReader } from './access';
import { postIdInput } from './schema';

export const poster: Action<{ postId: string }, PostPosterResponse> = {
  access: 'anyone',
  input: postIdInput,
  async run(input, ctx) {
    const [post, { volunteer, signup }] = await Promise.all([
      posts.findById(input.postId),
      findByOpenidWithSignup(ctx.openid, input.postId),
    ]);
    if (!post) throw postNotFound();
    await requireVisitReader(ctx, post, volunteer, signup);
    if (post.status === 'cancelled') throw precondition('该招募已取消，不能生成海报');
    return posterCode(ctx, 'post', post._id);
  },
};
