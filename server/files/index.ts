/**
 * Cloud storage as the functions use it (certificates, photos): files live in cloud storage, documents keep only
 * fileIDs, and temporary URLs are handed out only to those allowed to see a file.
 *
 * CONTRACT (h/train-base): the signatures below are what qualifications and later features call; the storage
 * helper (h/storage) implements them over wx-server-sdk's `downloadFile`, `getTempFileURL`, `deleteFile` and
 * `openapi.security.mediaCheckAsync`, with the `files` collection.
 */
import type { MediaStatus } from '../../typings/entities';
import type { RequestContext } from '../context';

/** What an uploaded file is for; the media check's result is handed to that purpose's hook. */
export type FilePurpose = 'qualification' | 'wish' | 'fulfilment';

export interface AcceptedFile {
  fileId: string;
  size: number;
  contentType: 'image/jpeg' | 'image/png';
  media: MediaStatus;
}

export interface AcceptImageOptions {
  /** The cloud path the caller was allowed to upload under, e.g. `qualifications/<volunteerId>/`. */
  prefix: string;
  purpose: FilePurpose;
  /** The document the file belongs to (e.g. the qualificationId). */
  ref: string;
}

/**
 * Accepts an image the caller uploaded: the fileID must be in this environment under `prefix`, and its bytes a
 * JPEG or PNG within UPLOAD_LIMITS; anything else is deleted and refused (INVALID_ARGUMENT, a Chinese message).
 * Records the file in `files` and asks for the platform's media check (the result comes back later).
 */
export async function acceptImage(
  _ctx: RequestContext,
  _fileId: string,
  _options: AcceptImageOptions,
): Promise<AcceptedFile> {
  throw new Error('files.acceptImage: not built yet (h/storage)');
}

/** Temporary URLs for files that passed the media check (others are left out); callers decide who may see them. */
export async function temporaryUrls(_fileIds: string[]): Promise<Map<string, string>> {
  throw new Error('files.temporaryUrls: not built yet (h/storage)');
}

/** Deletes files from storage and forgets them in `files`. */
export async function removeFiles(_fileIds: string[]): Promise<void> {
  throw new Error('files.removeFiles: not built yet (h/storage)');
}

/** Hooks per purpose, run when the media check's result arrives (e.g. a risky certificate is rejected). */
export type MediaResultHook = (ctx: RequestContext, ref: string, media: MediaStatus) => Promise<void>;
