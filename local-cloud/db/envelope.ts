/**
 * The HTTP reply bodies @cloudbase/node-sdk 3.17.2 expects from `POST /admin` (always status 200, JSON):
 * success `{ data, requestId }` — except `database.startTransaction`, whose `transactionId` the SDK reads at the
 * top level; failure `{ code, message, requestId }` (the SDK treats any reply with a `code` as an error).
 */
import { DbError } from './errors';

export function replyEnvelope(action: string, data: unknown, requestId: string): Record<string, unknown> {
  if (action === 'database.startTransaction' && data && typeof data === 'object') {
    return { ...(data as Record<string, unknown>), data, requestId };
  }
  return { data, requestId };
}

export function errorEnvelope(err: unknown, requestId: string): { code: string; message: string; requestId: string } {
  if (err instanceof DbError) return { code: err.code, message: err.message, requestId };
  return { code: 'DATABASE_REQUEST_FAILED', message: (err as Error)?.message ?? String(err), requestId };
}
