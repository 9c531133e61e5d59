/**
 * The function host: a pool of worker-thread instances, each serving one invocation at a time.
 * Invocations beyond the pool wait in a queue; a nested invocation (cloud.callFunction from a running
 * function) may start an extra instance when the pool is busy, as the cloud scales out, so callers that wait
 * on callees cannot deadlock the pool. A timed-out instance is terminated and replaced, as CloudBase kills it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Clock } from '../clock';
import type { LogSink } from '../log';
import { shortOpenid } from '../log';
import type { DbMetrics } from '../metrics';
import { InvocationMetrics } from '../metrics';
import type { InvocationTrace } from '../request-log';
import { functionSettings, withoutSettings } from '../settings';
import type { InvokeMessage, WorkerInit, WorkerReply } from './protocol';
import type { FunctionConfig, FunctionRegistry } from './registry';

export type TriggerSource = 'http' | 'callFunction' | 'timer' | 'push' | 'direct' | 'console';

export interface InvokeOptions {
  openid?: string;
  parent?: Invocation;
  source?: TriggerSource;
}

export type InvocationOutcome =
  | { ok: true; result: unknown; requestId: string; metrics: DbMetrics; ms: number }
  | {
      ok: false;
      kind: 'error' | 'timeout' | 'crash';
      code: string;
      message: string;
      requestId: string;
      metrics: DbMetrics;
      ms: number;
    };

export interface Invocation {
  requestId: string;
  fn: FunctionConfig;
  event: unknown;
  openid?: string;
  source: TriggerSource;
  metrics: InvocationMetrics;
  nested: boolean;
  startedAt: number;
  settle: (o: InvocationOutcome) => void;
  /** Settles with the outcome (what platform events the call asked for are delivered after, see openapi). */
  finished: Promise<InvocationOutcome>;
  randomSeed?: string;
  /** The calling invocation, for a nested call. */
  parent?: Invocation;
  /** What the call wrote and sent, for the request log (admin.ts fills it in). */
  trace: InvocationTrace;
}

export class UnknownFunctionError extends Error {
  readonly code = 'FUNCTION_NOT_FOUND';
  constructor(name: string) {
    super(`function ${name} not found`);
  }
}

interface Slot {
  id: number;
  worker: Worker;
  ready: Promise<void>;
  current?: Invocation;
  timer?: NodeJS.Timeout;
  dead: boolean;
}

export interface HostOptions {
  registry: FunctionRegistry;
  clock: Clock;
  workerFile: string;
  poolSize: number;
  /** The /admin URL a worker's SDK must call. */
  adminUrl: (workerId: number) => string;
  /** Function settings (HQ_OPENIDS, PII_KEY …); each function gets those its deploy config declares. */
  settings: Record<string, string>;
  /** The local secret the functions' SDK signs /admin requests with. */
  secret: { id: string; key: string };
  envId: string;
  appid: string;
  log: LogSink;
  /** Where the functions' own console output goes (default: this process's stdout/stderr). */
  functionOutput?: 'inherit' | 'silent';
  /** Previews only: draw each invocation's randomness from this seed (see seededRandomFor). */
  randomSeed?: string;
  /** Called once per finished invocation (the console's request log). */
  onSettled?: (inv: Invocation, outcome: InvocationOutcome) => void;
}

export class FunctionHost {
  private readonly slots = new Map<number, Slot>();
  /** How often each (function, caller, event) was invoked, for repeatable seeds. */
  private readonly seen = new Map<string, number>();
  private readonly queue: Invocation[] = [];
  private nextId = 1;
  private stopped = false;

  constructor(private readonly o: HostOptions) {}

  /** The invocation a worker is running now (for /admin/w/<id> attribution). */
  current(workerId: number): Invocation | undefined {
    return this.slots.get(workerId)?.current;
  }

  workerCount(): number {
    return this.slots.size;
  }

  invoke(name: string, event: unknown, opts: InvokeOptions = {}): Promise<InvocationOutcome> {
    if (this.stopped) return Promise.reject(new Error('local cloud is stopped'));
    const fn = this.o.registry.get(name);
    if (!fn) return Promise.reject(new UnknownFunctionError(name));
    let resolve: (o: InvocationOutcome) => void = () => undefined;
    const finished = new Promise<InvocationOutcome>((r) => (resolve = r));
    const inv: Invocation = {
      requestId: randomUUID(),
      fn,
      event,
      openid: opts.openid || undefined,
      randomSeed: this.seedFor(name, event, opts.openid),
      source: opts.source ?? 'direct',
      metrics: new InvocationMetrics(opts.parent?.metrics),
      nested: opts.parent !== undefined,
      parent: opts.parent,
      trace: { writes: [], messages: [] },
      startedAt: 0,
      settle: (outcome) => {
        this.logOutcome(inv, outcome);
        this.o.onSettled?.(inv, outcome);
        resolve(outcome);
      },
      finished,
    };
    this.queue.push(inv);
    this.pump();
    return finished;
  }

  /**
   * With `randomSeed`, the n-th identical call (function, caller, event) gets the same seed on every run, whatever
   * worker runs it, so a run that makes the same calls in the same order makes the same ids and codes.
   */
  private seedFor(name: string, event: unknown, openid: string | undefined): string | undefined {
    if (!this.o.randomSeed) return undefined;
    const key = `${name}\n${openid ?? ''}\n${JSON.stringify(event) ?? ''}`;
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    return createHash('sha256').update(`${this.o.randomSeed}\n${key}\n${n}`).digest('hex');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const inv of this.queue.splice(0)) {
      inv.settle(this.failure(inv, 'crash', 'FUNCTIONS_EXECUTE_FAIL', 'local cloud stopped'));
    }
    await Promise.all([...this.slots.values()].map((s) => this.kill(s, 'local cloud stopped')));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const idle = [...this.slots.values()].find((s) => !s.current && !s.dead);
      const inv = this.queue[0];
      let slot = idle;
      if (!slot && (this.slots.size < this.o.poolSize || inv.nested)) slot = this.spawn();
      if (!slot) {
        // Nested invocations must not wait behind callers holding every instance.
        const nestedIndex = this.queue.findIndex((q) => q.nested);
        if (nestedIndex === -1) return;
        const [nestedInv] = this.queue.splice(nestedIndex, 1);
        this.run(this.spawn(), nestedInv);
        continue;
      }
      this.queue.shift();
      this.run(slot, inv);
    }
  }

  private spawn(): Slot {
    const id = this.nextId++;
    const init: WorkerInit = { workerId: id, clock: this.o.clock.buffer };
    const silent = this.o.functionOutput === 'silent';
    const worker = new Worker(this.o.workerFile, {
      workerData: init,
      stdout: silent,
      stderr: silent,
      env: withoutSettings(process.env),
    });
    if (silent) {
      worker.stdout.resume();
      worker.stderr.resume();
    }
    let markReady: () => void = () => undefined;
    const slot: Slot = { id, worker, ready: new Promise<void>((r) => (markReady = r)), dead: false };
    worker.on('message', (msg: WorkerReply) => {
      if (msg.type === 'ready') markReady();
      else if (msg.type === 'started') this.onStarted(slot, msg.invocationId);
      else if (msg.type === 'result') this.onResult(slot, msg);
      else if (msg.type === 'log') this.o.log({ event: 'unhandledRejection', worker: id, message: msg.message });
    });
    worker.on('error', (err) => this.onCrash(slot, err));
    worker.on('exit', () => this.onCrash(slot, new Error('function instance exited')));
    worker.unref();
    this.slots.set(id, slot);
    return slot;
  }

  private run(slot: Slot, inv: Invocation): void {
    slot.current = inv;
    void slot.ready.then(() => {
      if (slot.dead || slot.current !== inv) return;
      inv.startedAt = Date.now();
      const msg: InvokeMessage = {
        type: 'invoke',
        invocationId: inv.requestId,
        file: inv.fn.file,
        event: inv.event,
        context: this.context(inv),
        env: this.env(slot, inv),
        ...(inv.randomSeed ? { randomSeed: inv.randomSeed } : {}),
      };
      try {
        slot.worker.postMessage(msg);
      } catch (err) {
        // An event the structured clone cannot copy fails this call only, never the host.
        this.release(slot);
        inv.settle(this.failure(inv, 'error', 'FUNCTIONS_EXECUTE_FAIL', `event not accepted: ${String(err)}`));
        this.pump();
      }
    });
  }

  private context(inv: Invocation): Record<string, unknown> {
    const environment = JSON.stringify(this.baseEnv());
    return {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: 256,
      time_limit_in_ms: inv.fn.timeoutMs,
      request_id: inv.requestId,
      requestId: inv.requestId,
      function_name: inv.fn.name,
      function_version: '$LATEST',
      namespace: this.o.envId,
      environment,
    };
  }

  private baseEnv(): Record<string, string> {
    return {
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_REGION: 'ap-shanghai',
      SCF_NAMESPACE: this.o.envId,
      TCB_ENV: this.o.envId,
      TENCENTCLOUD_SECRETID: this.o.secret.id,
      TENCENTCLOUD_SECRETKEY: this.o.secret.key,
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP',
    };
  }

  private env(slot: Slot, inv: Invocation): Record<string, string> {
    const env: Record<string, string> = {
      ...functionSettings(this.o.registry.root, inv.fn.name, this.o.settings),
      ...this.baseEnv(),
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.o.adminUrl(slot.id) }),
      SCF_FUNCTIONNAME: inv.fn.name,
      WX_APPID: this.o.appid,
      WX_CLIENTIP: '127.0.0.1',
      SILENCE: 'true',
    };
    if (inv.openid) env.WX_OPENID = inv.openid;
    return env;
  }

  /** Loading the code (cold start) is not part of the function's time limit, as in SCF's init phase. */
  private onStarted(slot: Slot, invocationId: string): void {
    const inv = slot.current;
    if (!inv || inv.requestId !== invocationId) return;
    slot.timer = setTimeout(() => this.onTimeout(slot, inv), inv.fn.timeoutMs);
  }

  private onResult(slot: Slot, msg: Extract<WorkerReply, { type: 'result' }>): void {
    const inv = slot.current;
    if (!inv || inv.requestId !== msg.invocationId) return;
    this.release(slot);
    const ms = Date.now() - inv.startedAt;
    if (msg.ok) {
      inv.settle({ ok: true, result: msg.result, requestId: inv.requestId, metrics: inv.metrics.snapshot(), ms });
    } else {
      const text = msg.error.stack ?? `${msg.error.name}: ${msg.error.message}`;
      inv.settle(this.failure(inv, 'error', 'FUNCTIONS_EXECUTE_FAIL', text));
    }
    this.pump();
  }

  private onTimeout(slot: Slot, inv: Invocation): void {
    if (slot.current !== inv) return;
    const seconds = inv.fn.timeoutMs / 1000;
    slot.current = undefined;
    void this.kill(slot, 'timeout');
    inv.settle(
      this.failure(inv, 'timeout', 'FUNCTIONS_TIME_LIMIT_EXCEEDED', `Invoking task timed out after ${seconds} seconds`),
    );
    this.pump();
  }

  private onCrash(slot: Slot, err: Error): void {
    if (slot.dead) return;
    slot.dead = true;
    this.slots.delete(slot.id);
    if (slot.timer) clearTimeout(slot.timer);
    const inv = slot.current;
    slot.current = undefined;
    if (inv) inv.settle(this.failure(inv, 'crash', 'FUNCTIONS_EXECUTE_FAIL', err.stack ?? err.message));
    if (!this.stopped) this.pump();
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.current = undefined;
    // Extra instances started for nested calls retire once the pool is over its size.
    if (this.slots.size > this.o.poolSize) void this.kill(slot, 'retired');
  }

  private async kill(slot: Slot, _reason: string): Promise<void> {
    slot.dead = true;
    this.slots.delete(slot.id);
    if (slot.timer) clearTimeout(slot.timer);
    await slot.worker.terminate();
  }

  private failure(
    inv: Invocation,
    kind: 'error' | 'timeout' | 'crash',
    code: string,
    message: string,
  ): InvocationOutcome {
    const ms = inv.startedAt ? Date.now() - inv.startedAt : 0;
    return { ok: false, kind, code, message, requestId: inv.requestId, metrics: inv.metrics.snapshot(), ms };
  }

  private logOutcome(inv: Invocation, o: InvocationOutcome): void {
    const event = inv.event as { action?: unknown } | null;
    this.o.log({
      t: new Date(this.o.clock.now()).toISOString(),
      fn: inv.fn.name,
      action: event && typeof event === 'object' && typeof event.action === 'string' ? event.action : undefined,
      source: inv.source,
      user: shortOpenid(inv.openid),
      requestId: inv.requestId,
      ms: o.ms,
      db: o.metrics,
      outcome: o.ok ? 'ok' : o.kind,
      error: o.ok ? undefined : o.message.split('\n')[0],
    });
  }
}
