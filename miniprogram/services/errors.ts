/** Error helpers for pages: the message to show, and a form's field-level messages. */
import { CallError } from './client';

/** The Chinese message to show for a failed call: the server's own, or `fallback` when there is none. */
export function messageOf(error: unknown, fallback = '加载失败，请稍后重试'): string {
  return error instanceof Error && error.message ? error.message : fallback;
}

/** Field-level messages of an INVALID_ARGUMENT, for forms (`fields['guardian.mobile']`). */
export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof CallError && error.code === 'INVALID_ARGUMENT' && error.fields ? error.fields : {};
}
