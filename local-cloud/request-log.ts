/**
 * The request log the console shows: the last invocations (a ring buffer, newest last) with caller, action,
 * outcome, database figures, what each call wrote (collection + document ids, from the admin wire) and which
 * open-API messages it sent (outbox ids). Kept in memory only.
 */
import type { DbMetrics } from './metrics';

/** One database write a call made, as the admin wire saw it. */
export interface WriteRecord {
  collection: string;
  op: 'insert' | 'update' | 'remove';
  /** The documents' ids, when the request named them (insert, update by id, remove by id, upsert). */
  ids: string[];
  /** The query, when the request did not name ids (cut to a few hundred characters). */
  query?: string;
  count: number;
  /** Staged in a transaction (written when it commits). */
  inTransaction?: boolean;
}

/** What a running invocation collects for the log (admin.ts adds to it). */
export interface InvocationTrace {
  writes: WriteRecord[];
  /** Outbox entry ids of the messages the call sent. */
  messages: number[];
}

export interface RequestLogEntry {
  seq: number;
  requestId: string;
  /** The calling invocation's requestId, for a nested call (cloud.callFunction). */
  parentId?: string;
  fn: string;
  action?: string;
  source: string;
  openid?: string;
  /** Local clock time when it finished (epoch ms), and its ISO form. */
  at: number;
  time: string;
  ms: number;
  /** 'ok', the function's own error code (`{ ok: false, code }`), or the platform's (timeout, crash). */
  result: string;
  message?: string;
  metrics: DbMetrics;
  writes: WriteRecord[];
  messages: number[];
  event: unknown;
  reply?: unknown;
}

export const REQUEST_LOG_SIZE = 500;
/** Events and replies above this many characters of JSON are kept as a note, not as data. */
const MAX_KEPT_CHARS = 20_000;

/** A value small enough to keep, or a note of its size. */
export function keepable(value: unknown): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return '(无法显示)';
  }
  if (text === undefined) return undefined;
  return text.length > MAX_KEPT_CHARS ? `(内容过大：${text.length} 个字符，未保留)` : (JSON.parse(text) as unknown);
}

/** The result code of a function's reply: the project's envelope `{ ok, code }`, else 'ok'. */
export function resultCode(reply: unknown): string {
  if (reply && typeof reply === 'object' && (reply as { ok?: unknown }).ok === false) {
    const code = (reply as { code?: unknown }).code;
    return typeof code === 'string' && code ? code : 'ERROR';
  }
  return 'ok';
}

export interface RequestFilter {
  fn?: string;
  openid?: string;
  /** 'ok', 'error' (anything but ok) or an exact code. */
  result?: string;
  requestId?: string;
}

export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];
  private seq = 0;

  constructor(private readonly size = REQUEST_LOG_SIZE) {}

  record(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full = { seq: ++this.seq, ...entry };
    this.entries.push(full);
    if (this.entries.length > this.size) this.entries.splice(0, this.entries.length - this.size);
    return full;
  }

  /** Matching entries, newest first. */
  list(filter: RequestFilter = {}, limit = this.size): RequestLogEntry[] {
    const out: RequestLogEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && out.length < limit; i--) {
      const e = this.entries[i];
      if (filter.fn && e.fn !== filter.fn) continue;
      if (filter.openid && e.openid !== filter.openid) continue;
      if (filter.requestId && e.requestId !== filter.requestId) continue;
      if (filter.result === 'error' ? e.result === 'ok' : filter.result && e.result !== filter.result) continue;
      out.push(e);
    }
    return out;
  }

  /** Callers seen, most recent first. */
  recentOpenids(limit = 20): string[] {
    const seen = new Set<string>();
    for (let i = this.entries.length - 1; i >= 0 && seen.size < limit; i--) {
      const openid = this.entries[i].openid;
      if (openid) seen.add(openid);
    }
    return [...seen];
  }

  clear(): void {
    this.entries.length = 0;
  }
}
