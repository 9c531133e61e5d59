/**
 * Starts a local cloud for tests: a free port, an in-memory database (or a temp data folder), timers off,
 * logs silent. The worker entry is (re)built by scripts/build.mjs when missing or older than its sources.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../local-cloud';

const ROOT = path.join(__dirname, '..', '..');
const WORKER = path.join(ROOT, '.build', 'local-cloud', 'worker.js');

function newestTs(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestTs(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds `.build/local-cloud/worker.js` with scripts/build.mjs when it is missing or stale. */
export function ensureWorkerBuilt(): string {
  const sources = newestTs(path.join(ROOT, 'local-cloud', 'functions'));
  const builtAt = fs.existsSync(WORKER) ? fs.statSync(WORKER).mtimeMs : 0;
  if (builtAt < Math.max(sources, fs.statSync(path.join(ROOT, 'local-cloud', 'clock.ts')).mtimeMs)) {
    // The one build of the local cloud (scripts/build.mjs), rather than a second copy of its esbuild options.
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), 'local-cloud'], {
      stdio: 'pipe',
    });
    if (built.status !== 0) throw new Error(`building the local cloud failed:\n${built.stderr}`);
  }
  return WORKER;
}

export const FIXTURES = path.join(ROOT, 'test', 'local-cloud', 'fixtures');

export interface CallReply<T = unknown> {
  status: number;
  body: T;
  metrics: { requests: number; docsRead: number; docsWritten: number };
  requestId: string;
}

export interface TestCloud extends LocalCloud {
  /** `POST /v1/functions/:name` with the event and identity; the parsed reply and the metrics headers. */
  request<T = unknown>(name: string, event?: unknown, openid?: string): Promise<CallReply<T>>;
  /** Removes the temp data folder too (when one was made). */
  stop(): Promise<void>;
}

export interface TestCloudOptions extends LocalCloudOptions {
  /** Use a temp data folder (kept for reuse when `dataDir` is given). Default: in memory. */
  persistent?: boolean;
}

export async function startTestCloud(opts: TestCloudOptions = {}): Promise<TestCloud> {
  const { persistent, ...rest } = opts;
  const tempDir = persistent && !rest.dataDir ? fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-')) : undefined;
  const cloud = await startLocalCloud({
    port: 0,
    dataDir: tempDir ?? ':memory:',
    timers: false,
    log: () => undefined,
    functionOutput: 'silent',
    workerFile: ensureWorkerBuilt(),
    ...rest,
  });
  const stop = cloud.stop;
  return Object.assign(cloud, {
    async request<T>(name: string, event: unknown = {}, openid?: string): Promise<CallReply<T>> {
      const res = await fetch(`${cloud.url}/v1/functions/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
        body: JSON.stringify(event),
      });
      const num = (h: string): number => Number(res.headers.get(h) ?? 'NaN');
      return {
        status: res.status,
        body: (await res.json()) as T,
        metrics: {
          requests: num('x-db-requests'),
          docsRead: num('x-db-docs-read'),
          docsWritten: num('x-db-docs-written'),
        },
        requestId: res.headers.get('x-request-id') ?? '',
      };
    },
    async stop(): Promise<void> {
      await stop();
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    },
  });
}
