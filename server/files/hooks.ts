/**
 * What each purpose does when the media check's result for one of its files arrives. Features register their
 * hook when their module loads:
 *   'qualification' — registered by the qualifications code (h/quals): a risky certificate photo is rejected.
 *   'photo' — registered by server/posts/photo-media.ts: a passed service photo is shown, a risky one removed.
 */
import type { MediaStatus } from '../../typings/entities';
import type { RequestContext } from '../context';

/** What an uploaded file is for; the media check's result is handed to that purpose's hook. */
export type FilePurpose = 'qualification' | 'wish' | 'fulfilment' | 'photo';

/** Hooks per purpose, run when the media check's result arrives (e.g. a risky certificate is rejected). */
export type MediaResultHook = (ctx: RequestContext, ref: string, media: MediaStatus) => Promise<void>;

const hooks = new Map<FilePurpose, MediaResultHook>();

export function registerMediaHook(purpose: FilePurpose, hook: MediaResultHook): void {
  hooks.set(purpose, hook);
}

export function mediaHookOf(purpose: FilePurpose): MediaResultHook | undefined {
  return hooks.get(purpose);
}
