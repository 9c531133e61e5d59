/**
 * Cloud storage as the functions use it (certificates, photos): files live in cloud storage, documents keep only
 * fileIDs, and temporary URLs are handed out only to those allowed to see a file.
 *
 * CONTRACT (h/train-base), built by h/storage over wx-server-sdk's `downloadFile`, `getTempFileURL`, `deleteFile`
 * and `openapi.security.mediaCheckAsync`, with the `files` collection:
 *   acceptImage (accept.ts)        — check an uploaded image, record it, start the media check
 *   temporaryUrls, removeFiles, urlsOfPassed (urls.ts)
 *   registerMediaHook (hooks.ts)   — what a purpose does with the media check's result (media-result.ts, routed
 *                                    by server/handler.ts from the message-push event)
 * A function that calls acceptImage needs `security.mediaCheckAsync` in its deploy/functions.ts `openapi`.
 */
export { acceptImage, type AcceptedFile, type AcceptImageOptions } from './accept';
export { registerMediaHook, type FilePurpose, type MediaResultHook } from './hooks';
export { removeFiles, temporaryUrls, urlsOfPassed } from './urls';
