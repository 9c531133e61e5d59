/**
 * The platform's pushed verdict of security.mediaCheckAsync (message push, event `wxa_media_check`): the file with
 * that traceId gets `pass` or `risky` (`review` counts as risky: nobody sees it), then its purpose's hook runs.
 * Only a file still `checking` under that traceId is settled, and traceIds are never shown to clients, so a
 * client posting such an event itself settles nothing. Database requests: two, plus the hook's.
 */
import type { MediaStatus } from '../../typings/entities';
import type { RequestContext } from '../context';
import { findByTraceId, setMedia } from '../repos/files';
import { mediaHookOf } from './hooks';

export interface MediaCheckEvent {
  MsgType: 'event';
  Event: 'wxa_media_check';
  trace_id?: string;
  result?: { suggest?: string; label?: number | string };
}

export function isMediaCheckEvent(event: Record<string, unknown>): boolean {
  return event.MsgType === 'event' && event.Event === 'wxa_media_check';
}

export async function handleMediaResult(
  ctx: RequestContext,
  event: MediaCheckEvent,
): Promise<{ settled: boolean; media?: MediaStatus }> {
  const traceId = typeof event.trace_id === 'string' ? event.trace_id : '';
  const file = traceId ? await findByTraceId(traceId) : undefined;
  if (!file || file.media !== 'checking') {
    ctx.log.info('media result ignored', { known: Boolean(file) });
    return { settled: false };
  }
  const media: MediaStatus = event.result?.suggest === 'pass' ? 'pass' : 'risky';
  await setMedia(file._id, media, Date.now());
  const hook = mediaHookOf(file.purpose);
  if (hook) await hook(ctx, file.ref, media);
  else ctx.log.info('media result without a hook', { purpose: file.purpose });
  return { settled: true, media };
}
