/**
 * acceptImage: the file must be this environment's, under the caller's prefix, a JPEG or PNG within the limit;
 * a bad one is deleted and refused. An accepted image is recorded as `checking` and sent to the platform's media
 * check (security.mediaCheckAsync, version 2) through a temporary URL; the verdict arrives later (media-result.ts).
 * Database requests: one write.
 */
import type { MediaStatus } from '../../typings/entities';
import { cloud } from '../cloud';
import type { RequestContext } from '../context';
import { invalid } from '../errors';
import { fileDocId, save } from '../repos/files';
import { isUnder, judgeImage, type ImageType } from '../rules/images';
import type { FilePurpose } from './hooks';
import { deleteStored, download, temporaryUrlsOf } from './storage';

export interface AcceptedFile {
  fileId: string;
  size: number;
  contentType: ImageType;
  media: MediaStatus;
}

export interface AcceptImageOptions {
  /** The cloud path the caller was allowed to upload under, e.g. `qualifications/<volunteerId>/`. */
  prefix: string;
  purpose: FilePurpose;
  /** The document the file belongs to (e.g. the qualificationId). */
  ref: string;
}

/** How long the media check may take to fetch the image. */
const CHECK_URL_SECONDS = 3600;
/** security.mediaCheckAsync: media_type 2 is an image; scene 1 is a user's profile material. */
const IMAGE = 2;
const PROFILE_SCENE = 1;

export async function acceptImage(
  ctx: RequestContext,
  fileId: string,
  options: AcceptImageOptions,
): Promise<AcceptedFile> {
  const env = cloud.getWXContext().ENV ?? '';
  if (!isUnder(fileId, env, options.prefix)) throw invalid('图片无效，请重新上传', { fileId: '图片无效，请重新上传' });
  // The per-file status of a URL tells a missing file apart (download's error does not, reliably).
  const url = (await temporaryUrlsOf([fileId], CHECK_URL_SECONDS)).get(fileId);
  if (!url) throw invalid('图片不存在，请重新上传', { fileId: '图片不存在，请重新上传' });
  const bytes = await download(fileId);
  const judged = judgeImage(bytes);
  if ('problem' in judged) {
    await deleteStored([fileId]);
    throw invalid(judged.problem, { fileId: judged.problem });
  }
  const check = (await cloud.openapi.security.mediaCheckAsync({
    mediaUrl: url,
    mediaType: IMAGE,
    version: 2,
    scene: PROFILE_SCENE,
    openid: ctx.openid,
  })) as { errCode?: number; traceId?: string };
  if (check.errCode !== 0 || !check.traceId) {
    ctx.log.error('media check not started', { errCode: check.errCode });
    throw new Error('security.mediaCheckAsync did not start');
  }
  await save({
    _id: fileDocId(fileId),
    fileId,
    owner: ctx.openid,
    purpose: options.purpose,
    ref: options.ref,
    size: bytes.length,
    contentType: judged.type,
    media: 'checking',
    traceId: check.traceId,
    createdAt: Date.now(),
  });
  return { fileId, size: bytes.length, contentType: judged.type, media: 'checking' };
}
