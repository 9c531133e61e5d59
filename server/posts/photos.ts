/**
 * posts.addPhotos — the leaders of a post's brigade add photos of the service once it has started (服务剪影): each
 * file is accepted under `photos/<volunteerId>/` (JPEG/PNG within the limit) and sent to the media check; only a
 * passed photo is ever shown (photo-media.ts drops a risky one). At most 9 per post. A refused call deletes the files
 * it was given in the caller's folder and writes nothing (a photo the post already shows is refused, never deleted).
 * Database requests: 5, plus one per file.
 */
import type { AddPhotosRequest } from '../../typings/api/posts';
import { cloud, isDuplicateKey } from '../cloud';
import { exhausted, invalid, precondition } from '../errors';
import { acceptImage, removeFiles } from '../files/index';
import type { Action } from '../handler';
import { fileDocId } from '../repos/files';
import * as photos from '../repos/photos';
import { requireLeaderOf } from '../brigades/access';
import { isUnder } from '../rules/images';
import { PHOTOS_PER_CALL, photoLimitProblem, photoProblem } from '../rules/photos';
import { id, listOf, z } from '../schema';
import { photoId } from '../resources/wish-access';
import { loadPost } from './access';

const ALREADY = '照片已经上传过，请重新选择';

export const addPhotos: Action<AddPhotosRequest, { photos: number }> = {
  access: 'volunteer',
  input: z.object({
    postId: id('招募'),
    fileIds: listOf('服务照片', photoId('服务照片'), PHOTOS_PER_CALL).check(z.minLength(1, '请选择服务照片')),
  }),
  async run(input, ctx) {
    const post = await loadPost(input.postId);
    const { volunteer } = await requireLeaderOf(ctx, post.brigadeId);
    const prefix = `photos/${volunteer?._id}/`;
    const env = cloud.getWXContext().ENV ?? '';
    // Only ever the caller's own uploads are thrown away.
    const discard = () => removeFiles(input.fileIds.filter((f) => isUnder(f, env, prefix)));
    const refuse = async (error: Error) => {
      await discard();
      return error;
    };
    if (new Set(input.fileIds).size !== input.fileIds.length) throw await refuse(invalid('服务照片有重复，请重新选择'));
    const problem = photoProblem(post, Date.now());
    if (problem) throw await refuse(precondition(problem));
    const heldIds = await photos.idsOfPost(post._id);
    // Already this post's photos: refused, and never deleted (they are shown).
    if (input.fileIds.some((f) => heldIds.includes(fileDocId(f)))) throw invalid(ALREADY);
    const held = heldIds.length;
    const over = photoLimitProblem(held, input.fileIds.length);
    if (over) throw await refuse(exhausted(over));
    const settled = await Promise.allSettled(
      input.fileIds.map((f) => acceptImage(ctx, f, { prefix, purpose: 'photo', ref: fileDocId(f) })),
    );
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw await refuse(failed.reason as Error);
    const now = Date.now();
    try {
      await photos.insert(
        input.fileIds.map((fileId) => ({
          _id: fileDocId(fileId),
          brigadeId: post.brigadeId,
          postId: post._id,
          postTitle: post.title,
          fileId,
          at: post.startAt,
          media: 'checking' as const,
          uploadedBy: volunteer?._id ?? '',
          createdAt: now,
        })),
      );
    } catch (error) {
      // Another post's photo sent again: refused as it is (a shown photo is never deleted).
      if (isDuplicateKey(error)) throw invalid(ALREADY);
      throw error;
    }
    ctx.log.info('photos-added', { postId: post._id, count: input.fileIds.length });
    return { photos: held + input.fileIds.length };
  },
};
