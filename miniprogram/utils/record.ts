/**
 * One record on a page (a detail, a profile, a form's initial data), as `loadPaged` is for lists: the page's data
 * holds `loading` and `error` for <page-state>, a failure shows the server's Chinese message with 重试, and the
 * answer to an older request never overwrites a newer one. `Page({ ...recordPage, … })` adds the retry handler.
 */
import { messageOf } from '../services/errors';

interface Host {
  setData(data: Record<string, unknown>): void;
}

export interface RecordKeys {
  loading: string;
  error: string;
}

export interface RecordOptions {
  /** Something is on screen already: reload without the skeleton. */
  keep?: boolean;
  /** Refresh in the background: no state change while loading, and a failure keeps what is shown. */
  quiet?: boolean;
  /** The message when the failure carries none. */
  fallback?: string;
  /** The data keys, for a page that names them otherwise (default `loading` and `error`). */
  keys?: RecordKeys;
  /** Shows an expected failure its own way (a visitor, say): the data to set, or undefined for the error state. */
  failed?: (error: unknown) => Record<string, unknown> | undefined;
}

const DEFAULT_KEYS: RecordKeys = { loading: 'loading', error: 'error' };
/** A form page's keys: its `errors` are the fields', so the load error is `loadError`. */
export const FORM_KEYS: RecordKeys = { loading: 'loading', error: 'loadError' };
const generations = new WeakMap<object, Map<string, number>>();

function nextGeneration(host: object, key: string): () => boolean {
  const byKey = generations.get(host) ?? new Map<string, number>();
  generations.set(host, byKey);
  const generation = (byKey.get(key) ?? 0) + 1;
  byKey.set(key, generation);
  return () => byKey.get(key) === generation;
}

/** Loads one record and sets `show(value)`; resolves to the value, or undefined when it failed or was overtaken. */
export async function loadRecord<T>(
  host: Host,
  fetch: () => Promise<T>,
  show: (value: T) => Record<string, unknown>,
  options: RecordOptions = {},
): Promise<T | undefined> {
  const { keep = false, quiet = false, fallback, keys = DEFAULT_KEYS, failed } = options;
  const current = nextGeneration(host, keys.loading);
  if (!quiet) host.setData({ [keys.loading]: !keep, [keys.error]: '' });
  try {
    const value = await fetch();
    if (!current()) return undefined;
    host.setData({ [keys.loading]: false, [keys.error]: '', ...show(value) });
    return value;
  } catch (error) {
    if (!current() || quiet) return undefined;
    const handled = failed?.(error);
    host.setData({ [keys.loading]: false, ...(handled ?? { [keys.error]: messageOf(error, fallback) }) });
    return undefined;
  }
}

/** The error state without a call: the page was opened without what it needs (`?postId=` missing, say). */
export function showLoadError(host: Host, message: string, keys: RecordKeys = DEFAULT_KEYS): void {
  nextGeneration(host, keys.loading);
  host.setData({ [keys.loading]: false, [keys.error]: message });
}

/** 重试 on <page-state bind:retry="onRetry">, for a page whose `load()` loads its record. */
export const recordPage = {
  onRetry(this: { load(): unknown }) {
    void this.load();
  },
};
