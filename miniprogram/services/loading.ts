/** Loading-state helpers for pages: `<key>Loading` and `<key>Error` in page data follow a task. */
import { CallError } from './client';

interface HasSetData {
  setData(data: Record<string, unknown>): void;
}

/**
 * Runs `task`, setting `${key}Loading` while it runs and `${key}Error` (the Chinese message) when it fails.
 * Resolves to the task's value, or undefined after a failure (already shown in the page's error state).
 */
export async function track<T>(page: HasSetData, key: string, task: () => Promise<T>): Promise<T | undefined> {
  page.setData({ [`${key}Loading`]: true, [`${key}Error`]: '' });
  try {
    const value = await task();
    page.setData({ [`${key}Loading`]: false });
    return value;
  } catch (error) {
    const message = error instanceof CallError ? error.message : '出错了，请稍后重试';
    page.setData({ [`${key}Loading`]: false, [`${key}Error`]: message });
    return undefined;
  }
}

/** Field-level messages of an INVALID_ARGUMENT, for forms (`fields['guardian.mobile']`). */
export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof CallError && error.code === 'INVALID_ARGUMENT' && error.fields ? error.fields : {};
}
