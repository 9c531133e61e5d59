/**
 * `security.mediaCheckAsync` (version 2): answers `{ errcode: 0, trace_id }` at once, then, as the platform does
 * through message push, delivers the verdict as a `wxa_media_check` event to the function the project declares
 * (deploy/functions.ts MESSAGE_PUSH). The platform downloads `media_url`; here it is fetched too and judged by its
 * SHA-256: listed as risky (`POST /v1/security/media { risky: [sha256 | { sha256, label }] }`) → risky, else pass;
 * a URL that cannot be fetched gives `review`. Delivery is deterministic: right after the calling invocation ends
 * (so what it wrote is there), or later when held (`hold: true`); `settle()` delivers and waits for them all.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { FunctionHost, Invocation, InvocationOutcome } from '../functions/host';

/** WeChat's label for porn, the default for media marked risky. */
export const DEFAULT_RISKY_LABEL = 20002;

export interface MediaVerdict {
  traceId: string;
  suggest: 'pass' | 'risky' | 'review';
  label: number;
  /** The function the event went to, and whether it ran without error. */
  function: string;
  ok?: boolean;
}

export interface MediaControls {
  risky?: (string | { sha256: string; label?: number })[];
  /** Hold verdicts back (a check still in progress) until `hold: false` or `settle()`. */
  hold?: boolean;
  clear?: boolean;
}

export interface MediaCheckDeps {
  host: FunctionHost;
  clock: Clock;
  appid: string;
  /** The function that receives message push (undefined: verdicts are kept but not delivered). */
  pushFunction: () => string | undefined;
}

export class MediaChecks {
  private readonly risky = new Map<string, number>();
  private readonly pending = new Set<Promise<void>>();
  private readonly verdicts: MediaVerdict[] = [];
  private gate?: { open: Promise<void>; release: () => void };

  constructor(private readonly deps: MediaCheckDeps) {}

  setControls(c: MediaControls): { risky: string[]; held: boolean } {
    if (c.clear) this.risky.clear();
    if (c.hold === true && !this.gate) {
      let release: () => void = () => undefined;
      const open = new Promise<void>((r) => (release = r));
      this.gate = { open, release };
    }
    if (c.hold === false || c.clear) this.release();
    for (const r of c.risky ?? []) {
      const entry = typeof r === 'string' ? { sha256: r } : r;
      this.risky.set(String(entry.sha256).toLowerCase(), entry.label ?? DEFAULT_RISKY_LABEL);
    }
    return this.controls();
  }

  controls(): { risky: string[]; held: boolean } {
    return { risky: [...this.risky.keys()], held: Boolean(this.gate) };
  }

  private release(): void {
    this.gate?.release();
    this.gate = undefined;
  }

  /** The verdicts delivered so far, oldest first. */
  list(): MediaVerdict[] {
    return [...this.verdicts];
  }

  /** Releases held verdicts and waits until every delivery asked for (and any they caused) has run. */
  async settle(): Promise<number> {
    this.release();
    let n = 0;
    while (this.pending.size > 0) {
      n += this.pending.size;
      await Promise.all([...this.pending]);
    }
    return n;
  }

  /** The open API call: validates as the platform does, answers with a trace_id and schedules the verdict. */
  request(req: Record<string, unknown>, caller: Invocation | undefined): Record<string, unknown> {
    const url = req.media_url;
    if (typeof url !== 'string' || !/^https?:\/\//.test(url))
      return { errcode: 47003, errmsg: 'argument invalid! media_url' };
    if (![1, 2].includes(Number(req.media_type))) return { errcode: 47003, errmsg: 'argument invalid! media_type' };
    if (Number(req.version) !== 2)
      return { errcode: 47003, errmsg: 'argument invalid! the local cloud emulates version 2' };
    if (typeof req.openid !== 'string' || !req.openid) return { errcode: 40003, errmsg: 'invalid openid' };
    if (![1, 2, 3, 4].includes(Number(req.scene))) return { errcode: 47003, errmsg: 'argument invalid! scene' };
    const traceId = randomUUID();
    const openid = req.openid;
    const gate = this.gate?.open;
    const after: Promise<unknown> = caller ? caller.finished : Promise.resolve();
    const run = after.then(() => gate).then(() => this.deliver(traceId, url, openid));
    const tracked = run.catch(() => undefined).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
    return { errcode: 0, errmsg: 'ok', trace_id: traceId };
  }

  private async judge(url: string): Promise<{ suggest: MediaVerdict['suggest']; label: number }> {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (res.status !== 200) return { suggest: 'review', label: 100 };
      const sha = createHash('sha256')
        .update(Buffer.from(await res.arrayBuffer()))
        .digest('hex');
      const label = this.risky.get(sha);
      return label === undefined ? { suggest: 'pass', label: 100 } : { suggest: 'risky', label };
    } catch {
      return { suggest: 'review', label: 100 };
    }
  }

  private async deliver(traceId: string, url: string, openid: string): Promise<void> {
    const { suggest, label } = await this.judge(url);
    const fn = this.deps.pushFunction();
    const verdict: MediaVerdict = { traceId, suggest, label, function: fn ?? '' };
    this.verdicts.push(verdict);
    if (!fn) return;
    const event = {
      ToUserName: 'gh_local',
      FromUserName: openid,
      CreateTime: Math.floor(this.deps.clock.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: this.deps.appid,
      trace_id: traceId,
      version: 2,
      result: { suggest, label },
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 0 : 90 }],
    };
    let outcome: InvocationOutcome | undefined;
    try {
      outcome = await this.deps.host.invoke(fn, event, { openid, source: 'push' });
    } finally {
      verdict.ok = outcome?.ok === true && (outcome.result as { ok?: boolean } | null)?.ok !== false;
    }
  }
}
