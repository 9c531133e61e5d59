/**
 * A function instance: one worker thread serving one invocation at a time, as a CloudBase instance does.
 * Before any function code loads, the global Date follows the local cloud's clock. Each invocation sets
 * process.env (identity, the TCB_CONTEXT_CNFG pointing at this worker's /admin URL, function settings),
 * loads the function's index.js (again when the file changed) and calls `main(event, context)`.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { nowReader } from '../clock';
import { installClock } from './fake-date';
import { installSeededRandom, useSeed } from './seeded-random';
import type { InvokeMessage, WorkerInit, WorkerReply } from './protocol';

const init = workerData as WorkerInit;
installClock(nowReader(init.clock));
installSeededRandom();

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

const post = (msg: WorkerReply): void => port.postMessage(msg);

// A function's forgotten promise must not take the instance down (the platform logs it and carries on).
process.on('unhandledRejection', (reason) => {
  post({ type: 'log', level: 'unhandledRejection', message: String((reason as Error)?.stack ?? reason) });
});

const loaded = new Map<string, { mtimeMs: number; main: (event: unknown, context: unknown) => unknown }>();
let envKeysSet: string[] = [];

type Main = (event: unknown, context: unknown) => unknown;

function load(file: string): Main {
  const mtimeMs = fs.statSync(file).mtimeMs;
  const cached = loaded.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.main;
  const resolved = require.resolve(file);
  delete require.cache[resolved];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- function code is CommonJS, loaded at run time
  const mod = require(resolved) as { main?: Main };
  if (typeof mod.main !== 'function') throw new Error(`${file} does not export main(event, context)`);
  loaded.set(file, { mtimeMs, main: mod.main });
  return mod.main;
}

function applyEnv(env: Record<string, string>): void {
  for (const key of envKeysSet) delete process.env[key];
  for (const [key, value] of Object.entries(env)) process.env[key] = value;
  envKeysSet = Object.keys(env);
}

function toError(err: unknown): { name: string; message: string; stack?: string } {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  if (err && typeof err === 'object') {
    const o = err as { errMsg?: unknown; message?: unknown };
    return { name: 'Error', message: String(o.errMsg ?? o.message ?? JSON.stringify(err)) };
  }
  return { name: 'Error', message: String(err) };
}

/** Structured-clone safe copy of the function's return value (JSON semantics, as the platform serialises it). */
function toWire(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

port.on('message', (msg: InvokeMessage) => {
  if (msg.type !== 'invoke') return;
  void (async () => {
    try {
      applyEnv(msg.env);
      useSeed(msg.randomSeed);
      const main = load(msg.file);
      post({ type: 'started', invocationId: msg.invocationId });
      const result = await main(msg.event, msg.context);
      post({ type: 'result', invocationId: msg.invocationId, ok: true, result: toWire(result) });
    } catch (err) {
      post({ type: 'result', invocationId: msg.invocationId, ok: false, error: toError(err) });
    }
  })();
});

post({ type: 'ready' });
