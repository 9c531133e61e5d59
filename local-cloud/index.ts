/**
 * The local cloud: runs the real, unmodified cloud functions offline, behind the same wire as CloudBase.
 * `startLocalCloud(options)` opens the database, starts the function host, the timers and the HTTP server.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { COLLECTIONS } from '../database/collections';
import { MESSAGE_PUSH } from '../deploy/functions';
import { Clock } from './clock';
import { prepareDataDir, privateFile } from './data-dir';
import { openProjectDatabase, type DatabaseEngine, type OpenDatabase } from './database-port';
import { FunctionHost, type InvocationOutcome } from './functions/host';
import { FunctionRegistry } from './functions/registry';
import { HttpError, sendJson } from './http/body';
import { route } from './http/routes';
import { stdoutSink, type LogSink } from './log';
import { MediaChecks } from './openapi/media-check';
import { toSecWords, type SecWord } from './openapi/msg-sec-check';
import { Outbox } from './outbox';
import { repoRoot, workerEntry } from './paths';
import { keepable, RequestLog, resultCode } from './request-log';
import { resolveSecret, type LocalSecret } from './secret';
import { resolveSettings, type ResolvedSettings } from './settings';
import { LocalStorage } from './storage';
import { TimerScheduler } from './timers';

export interface LocalCloudOptions {
  /** 0 picks a free port. Default 3710. */
  port?: number;
  host?: string;
  /** A folder for the database, the outbox and the PII key; ':memory:' keeps nothing. Default ':memory:'. */
  dataDir?: string;
  /** Where the built functions are (`<name>/index.js` + `config.json`). Default `<repo>/cloudfunctions`. */
  functionsDir?: string;
  /** Function instances (worker threads). Default 4. */
  poolSize?: number;
  /** LOCAL_CLOUD_SECRET (`id:key`) that /admin checks signatures against; default generated into the data folder. */
  secret?: string;
  /** Function settings (HQ_OPENIDS, PII_KEY, REMINDER_TEMPLATE_ID …); missing ones get local defaults. */
  env?: Record<string, string | undefined>;
  /** Run the cron schedules (default true; tests turn it off and call `tickTimers()`). */
  timers?: boolean;
  /** Start the clock at this epoch time (ms). Default: real time. */
  now?: number;
  /** msgSecCheck word list (plain words get label 21000). Default: openapi/sec-words.json. */
  secWords?: (string | SecWord)[];
  /** The functions' own console output: 'inherit' (default) prints it, 'silent' drops it (tests). */
  functionOutput?: 'inherit' | 'silent';
  /** Log sink; default one JSON line per invocation on stdout. */
  log?: LogSink;
  /** Database engine factory; default the project's engine in local-cloud/db. */
  openDatabase?: OpenDatabase;
  /** The built worker entry; default `.build/local-cloud/worker.js`. */
  workerFile?: string;
  envId?: string;
  appid?: string;
  /** The function message push delivers platform events to (wxa_media_check); default deploy/functions.ts MESSAGE_PUSH. */
  messagePush?: string;
  /**
   * Previews only, never real data: stop the clock (only `clock.set`/`advance` move it) and draw the functions'
   * ids, codes and tokens from this seed, so the same calls give the same data on every run.
   */
  repeatable?: { seed: string };
}

export interface LocalCloud {
  url: string;
  port: number;
  clock: Clock;
  db: DatabaseEngine;
  outbox: Outbox;
  host: FunctionHost;
  timers: TimerScheduler;
  settings: ResolvedSettings;
  /** Cloud storage: files kept in `<dataDir>/storage/` (or in memory). */
  storage: LocalStorage;
  /** security.mediaCheckAsync: risky media (test control), the verdicts delivered, `settle()` to await them. */
  mediaChecks: MediaChecks;
  /** The secret /admin checks signatures against (the functions get it as TENCENTCLOUD_SECRETID/SECRETKEY). */
  secret: LocalSecret;
  dataDir?: string;
  /** The last invocations, what they wrote and sent (the console's request log). */
  requests: RequestLog;
  /** Invokes a function in-process (no HTTP), as `POST /v1/functions/:name` does. */
  call(name: string, event?: unknown, openid?: string): Promise<InvocationOutcome>;
  /** Runs a function's timer trigger now. Rejects when the function has no timer trigger. */
  fireTrigger(name: string): Promise<InvocationOutcome>;
  /** Fires the triggers that are due on the local clock (what the schedule does every second). */
  tickTimers(): Promise<string[]>;
  setSecWords(words: (string | SecWord)[]): void;
  stop(): Promise<void>;
}

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const memory = !options.dataDir || options.dataDir === ':memory:';
  const dataDir = memory ? undefined : path.resolve(options.dataDir as string);
  if (dataDir) prepareDataDir(dataDir);
  const log = options.log ?? stdoutSink;
  // Previews stop the clock at exactly `now`, so they render the same on every run.
  const clock = new Clock(options.now, !!options.repeatable);
  const secret = resolveSecret(options.secret, dataDir);
  const settings = resolveSettings(options.env ?? {}, dataDir);
  const db = (options.openDatabase ?? openProjectDatabase)({
    file: dataDir ? privateFile(path.join(dataDir, 'cloud.db')) : ':memory:',
    collections: COLLECTIONS,
    now: () => clock.now(),
  });
  const outbox = new Outbox(dataDir);
  let secWords = toSecWords(options.secWords);
  const registry = new FunctionRegistry(options.functionsDir ?? path.join(repoRoot(), 'cloudfunctions'));
  const hostName = options.host ?? '127.0.0.1';
  let port = 0;
  const envId = options.envId ?? 'local';
  const requests = new RequestLog();
  const host = new FunctionHost({
    registry,
    clock,
    workerFile: options.workerFile ?? workerEntry(),
    poolSize: Math.max(1, options.poolSize ?? 4),
    adminUrl: (id) => `http://${hostName}:${port}/admin/w/${id}`,
    settings: settings.env,
    secret,
    envId,
    appid: options.appid ?? 'wx-local-appid',
    log,
    functionOutput: options.functionOutput,
    randomSeed: options.repeatable?.seed,
    onSettled: (inv, outcome) => {
      const event = inv.event as { action?: unknown } | null;
      const at = clock.now();
      const failure = outcome.ok ? undefined : outcome.message.split('\n')[0];
      const reply = outcome.ok ? (outcome.result as { message?: unknown } | null) : undefined;
      requests.record({
        requestId: inv.requestId,
        parentId: inv.parent?.requestId,
        fn: inv.fn.name,
        action: event && typeof event === 'object' && typeof event.action === 'string' ? event.action : undefined,
        source: inv.source,
        openid: inv.openid,
        at,
        time: new Date(at).toISOString(),
        ms: outcome.ms,
        result: outcome.ok ? resultCode(outcome.result) : outcome.code,
        message: failure ?? (reply && typeof reply.message === 'string' ? reply.message : undefined),
        metrics: outcome.metrics,
        writes: inv.trace.writes,
        messages: inv.trace.messages,
        event: keepable(inv.event),
        reply: outcome.ok ? keepable(outcome.result) : undefined,
      });
    },
  });
  const timers = new TimerScheduler(registry, host, clock);
  const pushFunction = options.messagePush ?? MESSAGE_PUSH.function;
  const mediaChecks = new MediaChecks({
    host,
    clock,
    appid: options.appid ?? 'wx-local-appid',
    pushFunction: () => (registry.get(pushFunction) ? pushFunction : undefined),
  });
  const storage = new LocalStorage({
    dataDir,
    envId,
    secretKey: secret.key,
    clock,
    baseUrl: () => `http://${hostName}:${port}`,
  });
  const deps = {
    db,
    host,
    clock,
    outbox,
    timers,
    collections: () => db.collectionNames(),
    openApi: { clock, outbox, secWords: () => secWords, mediaChecks },
    mediaChecks,
    signature: { secret, clocks: () => [Date.now(), clock.now()] },
    storage,
    console: {
      db,
      clock,
      outbox,
      timers,
      storage,
      secret,
      registry,
      requests,
      settings: settings.env,
      dataDir,
      call: (name: string, event: unknown, openid?: string) => host.invoke(name, event, { openid, source: 'console' }),
    },
  };
  const server = http.createServer((req, res) => {
    route(deps, req, res).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      if (err instanceof HttpError) return sendJson(res, err.status, { code: err.code, message: err.message });
      log({ event: 'error', path: req.url, message: String((err as Error)?.stack ?? err) });
      sendJson(res, 500, { code: 'INTERNAL_ERROR', message: String((err as Error)?.message ?? err) });
    });
  });
  // Keep idle connections open longer than clients keep them (undici: 4 s), so a client never reuses a socket the
  // server is closing at that moment (ECONNRESET on a busy machine). As load balancers do: 65 s.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3710, hostName, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  if (options.timers !== false) timers.start();

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${hostName}:${port}`,
    port,
    clock,
    db,
    outbox,
    host,
    timers,
    settings,
    storage,
    mediaChecks,
    secret,
    dataDir,
    requests,
    call: (name, event = {}, openid) => host.invoke(name, event, { openid, source: 'direct' }),
    fireTrigger: (name) => timers.fire(name) ?? Promise.reject(new Error(`function ${name} has no timer trigger`)),
    tickTimers: () => timers.tick(),
    setSecWords: (words) => {
      secWords = toSecWords(words);
    },
    stop: () => {
      stopping ??= (async () => {
        timers.stop();
        await mediaChecks.settle();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await host.stop();
        db.close();
      })();
      return stopping;
    },
  };
}
