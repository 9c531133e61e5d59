/**
 * Handing files out and throwing them away: a temporary URL only for a file the functions accepted and the media
 * check passed (a file still checking, risky or unknown is never handed out). Database requests: one each.
 */
import { findByFileIds, removeByFileIds } from '../repos/files';
import { deleteStored, temporaryUrlsOf } from './storage';

/** How long a handed-out URL works: long enough to look at a photo, short enough not to be shared for long. */
export const URL_SECONDS = 2 * 60 * 60;

export async function temporaryUrls(fileIds: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(fileIds.filter(Boolean))];
  const passed = (await findByFileIds(wanted)).filter((f) => f.media === 'pass').map((f) => f.fileId);
  return passed.length === 0 ? new Map() : temporaryUrlsOf(passed, URL_SECONDS);
}

/**
 * URLs of files whose passed verdict the caller's own documents already hold (a media hook copied it there, e.g.
 * the service photos): no database request.
 */
export function urlsOfPassed(fileIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds.filter(Boolean))];
  return unique.length === 0 ? Promise.resolve(new Map()) : temporaryUrlsOf(unique, URL_SECONDS);
}

export async function removeFiles(fileIds: string[]): Promise<void> {
  const unique = [...new Set(fileIds.filter(Boolean))];
  if (unique.length === 0) return;
  await deleteStored(unique);
  await removeByFileIds(unique);
}
