/**
 * The media check's verdict on a service photo (purpose 'photo', ref = the photo's id): a passed photo may be shown
 * on the brigade's home; a risky one is removed with its file, so it is never shown and frees its place. Registered
 * where message push lands (the `volunteers` function, deploy/functions.ts MESSAGE_PUSH).
 */
import type { MediaStatus } from '../../typings/entities';
import type { RequestContext } from '../context';
import { registerMediaHook, removeFiles } from '../files/index';
import * as photos from '../repos/photos';

export async function onPhotoMedia(ctx: RequestContext, photoId: string, media: MediaStatus): Promise<void> {
  if (media === 'pass') return photos.setMedia(photoId, 'pass');
  const photo = await photos.findById(photoId);
  await photos.remove(photoId);
  if (photo) await removeFiles([photo.fileId]);
  ctx.log.info('risky photo removed', { photoId });
}

registerMediaHook('photo', onPhotoMedia);
