/**
 * Every open-API message the functions sent (subscribe messages and the like), newest last; kept in memory
 * and, when the local cloud has a data folder, appended to `<dataDir>/outbox.jsonl` so it survives restarts.
 * Also holds the test controls that make sends fail as the platform would.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface OutboxEntry {
  id: number;
  /** The local clock's time of the send, ISO 8601 (UTC). */
  time: string;
  at: number;
  apiName: string;
  /** The openid of the invocation that sent it (empty for timers), and the function's name. */
  openid?: string;
  function?: string;
  /** The recipient, for messages that have one. */
  touser?: string;
  /** The request as WeChat received it (snake_case keys). */
  data: Record<string, unknown>;
}

export interface WxFault {
  errcode: number;
  errmsg: string;
}

export interface OutboxFaults {
  /** Recipients that answer 43101 (not subscribed or subscription used up) until cleared. */
  unsubscribed: string[];
  /** Errors returned to the next sends, one each, in order (e.g. -1 system busy, for retry tests). */
  failNext: WxFault[];
}

export class Outbox {
  private readonly entries: OutboxEntry[] = [];
  private readonly unsubscribed = new Set<string>();
  private readonly failQueue: WxFault[] = [];
  private readonly file?: string;

  constructor(dataDir?: string) {
    if (dataDir) {
      this.file = path.join(dataDir, 'outbox.jsonl');
      if (fs.existsSync(this.file)) {
        for (const line of fs.readFileSync(this.file, 'utf8').split('\n')) {
          if (line.trim()) this.entries.push(JSON.parse(line) as OutboxEntry);
        }
      }
    }
  }

  record(entry: Omit<OutboxEntry, 'id'>): OutboxEntry {
    const full: OutboxEntry = { id: (this.entries.at(-1)?.id ?? 0) + 1, ...entry };
    this.entries.push(full);
    if (this.file) fs.appendFileSync(this.file, `${JSON.stringify(full)}\n`, { mode: 0o600 });
    return full;
  }

  list(): OutboxEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries.length = 0;
    if (this.file && fs.existsSync(this.file)) fs.truncateSync(this.file, 0);
  }

  /** The fault, if any, the next send to `touser` must answer with (consumes one `failNext`). */
  takeFault(touser: string | undefined): WxFault | undefined {
    const next = this.failQueue.shift();
    if (next) return next;
    if (touser && this.unsubscribed.has(touser)) {
      return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    }
    return undefined;
  }

  setFaults(f: Partial<OutboxFaults> & { clear?: boolean }): OutboxFaults {
    if (f.clear) {
      this.unsubscribed.clear();
      this.failQueue.length = 0;
    }
    for (const openid of f.unsubscribed ?? []) this.unsubscribed.add(openid);
    for (const fault of f.failNext ?? []) this.failQueue.push({ errcode: fault.errcode, errmsg: fault.errmsg });
    return this.faults();
  }

  faults(): OutboxFaults {
    return { unsubscribed: [...this.unsubscribed], failNext: [...this.failQueue] };
  }
}
