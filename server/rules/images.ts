/**
 * Uploaded images, judged by their bytes (never by a name or a declared type): JPEG or PNG by magic bytes, within
 * UPLOAD_LIMITS; and fileIDs, which must be this environment's (`cloud://<env>.<bucket>/<path>`) and lie under the
 * path the caller was allowed to upload to.
 */
import { UPLOAD_LIMITS } from '../../typings/data';

export type ImageType = (typeof UPLOAD_LIMITS.types)[number];

export function sniffImage(bytes: Uint8Array): ImageType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= png.length && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return undefined;
}

export const NOT_AN_IMAGE = '请上传 JPG 或 PNG 格式的图片';
export const TOO_LARGE = `图片不能超过 ${UPLOAD_LIMITS.maxBytes / 1024 / 1024} MB`;

/** Why these bytes cannot be accepted as an image (a Chinese message), or undefined with the type. */
export function judgeImage(bytes: Uint8Array): { type: ImageType } | { problem: string } {
  const type = sniffImage(bytes);
  if (!type) return { problem: NOT_AN_IMAGE };
  if (bytes.length > UPLOAD_LIMITS.maxBytes) return { problem: TOO_LARGE };
  return { type };
}

/** The cloud path of a fileID of environment `env`, or undefined when it is not one. */
export function cloudPathOf(fileId: unknown, env: string): string | undefined {
  if (typeof fileId !== 'string' || !env) return undefined;
  const m = /^cloud:\/\/([^/.]+)\.([^/]+)\/(.+)$/.exec(fileId);
  if (!m || m[1] !== env) return undefined;
  const path = m[3];
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..')) return undefined;
  return path;
}

/** True when the fileID is this environment's and under `prefix` (a folder ending in "/"). */
export function isUnder(fileId: unknown, env: string, prefix: string): boolean {
  const path = cloudPathOf(fileId, env);
  return path !== undefined && prefix.endsWith('/') && path.startsWith(prefix) && path.length > prefix.length;
}
