/**
 * The console: `GET /` serves the page (index.html, app.js, app.css from this folder, no build step), and
 * `/v1/console/*` its JSON API, which answers only with the local secret's key in the `x-local-key` header
 * (the key alone or `id:key`; 401 otherwise). See docs/local-cloud.md.
 */
import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Clock } from '../clock';
import type { DatabaseEngine } from '../database-port';
import type { InvocationOutcome } from '../functions/host';
import { UnknownFunctionError } from '../functions/host';
import type { FunctionRegistry } from '../functions/registry';
import { HttpError, MAX_CONTROL_BYTES, MAX_EVENT_BYTES, parseJson, readBody, sendBuffer, sendJson } from '../http/body';
import type { Outbox } from '../outbox';
import { repoRoot } from '../paths';
import type { RequestLog } from '../request-log';
import type { LocalSecret } from '../secret';
import type { LocalStorage } from '../storage';
import { cloudPathProblem } from '../storage/files';
import type { TimerScheduler } from '../timers';
import { actionsOf, seededIdentities } from './catalog';
import { countOf, exportAll, importAll, pageOf, removeDoc, replaceDoc, requireCollection } from './data';
import { messageView } from './messages';

export interface ConsoleDeps {
  db: DatabaseEngine;
  clock: Clock;
  outbox: Outbox;
  timers: TimerScheduler;
  storage: LocalStorage;
  secret: LocalSecret;
  registry: FunctionRegistry;
  requests: RequestLog;
  settings: Record<string, string>;
  dataDir?: string;
  call(name: string, event: unknown, openid?: string): Promise<InvocationOutcome>;
}

/** An import may carry the whole database. */
const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

const ASSETS: Record<string, [string, string]> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/console/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/console/app.css': ['app.css', 'text/css; charset=utf-8'],
};

/** The page's files: beside this module when run from source, else in the repository (the bundle's case). */
function assetDir(): string {
  const beside = path.join(__dirname, 'index.html');
  return fs.existsSync(beside) ? __dirname : path.join(repoRoot(), 'local-cloud', 'console');
}

/** Serves the console's static files; false for any other path. */
export function serveConsoleAsset(p: string, res: ServerResponse): boolean {
  if (p === '/favicon.ico') {
    res.writeHead(204).end();
    return true;
  }
  const asset = ASSETS[p];
  if (!asset) return false;
  const body = fs.readFileSync(path.join(assetDir(), asset[0]));
  res.writeHead(200, {
    'content-type': asset[1],
    'content-length': body.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
  return true;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function checkKey(req: IncomingMessage, secret: LocalSecret): void {
  const raw = req.headers['x-local-key'];
  const given = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  if (!given || !(same(given, secret.key) || same(given, `${secret.id}:${secret.key}`))) {
    throw new HttpError(401, 'UNAUTHORIZED', '需要本地密钥（x-local-key），即本地云启动时打印的 key');
  }
}

async function body(req: IncomingMessage, limit = MAX_CONTROL_BYTES): Promise<Record<string, unknown>> {
  const value = parseJson(await readBody(req, limit));
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'INVALID_PARAM', '请求体必须是 JSON 对象');
  }
  return value as Record<string, unknown>;
}

function overview(deps: ConsoleDeps): unknown {
  const now = deps.clock.now();
  return {
    clock: { now, iso: new Date(now).toISOString() },
    dataDir: deps.dataDir ?? null,
    collections: deps.db.collectionNames().map((name) => ({ name, count: countOf(deps.db, name) })),
    functions: functions(deps),
    requests: deps.requests.list({}, 1_000_000).length,
    messages: deps.outbox.list().length,
  };
}

function functions(deps: ConsoleDeps): unknown[] {
  return deps.registry.list().map((fn) => {
    const due = deps.timers.nextDue(fn.name);
    return {
      name: fn.name,
      actions: actionsOf(fn.name),
      timeoutMs: fn.timeoutMs,
      timer: fn.timer ? { name: fn.timer.name, config: fn.timer.config, next: due ?? null } : null,
    };
  });
}

function clockReply(clock: Clock): unknown {
  const now = clock.now();
  return { now, iso: new Date(now).toISOString() };
}

function outcomeReply(deps: ConsoleDeps, outcome: InvocationOutcome): unknown {
  const logged = deps.requests.list({ requestId: outcome.requestId }, 1)[0];
  return {
    requestId: outcome.requestId,
    ok: outcome.ok,
    ms: outcome.ms,
    metrics: outcome.metrics,
    result: outcome.ok ? (outcome.result ?? null) : { code: outcome.code, message: outcome.message },
    code: logged?.result ?? (outcome.ok ? 'ok' : outcome.code),
    writes: logged?.writes ?? [],
    messages: logged?.messages ?? [],
  };
}

async function call(deps: ConsoleDeps, req: IncomingMessage): Promise<unknown> {
  const b = await body(req, MAX_EVENT_BYTES);
  const fn = typeof b.function === 'string' ? b.function : '';
  const openid = typeof b.openid === 'string' && b.openid ? b.openid : undefined;
  // As on POST /v1/functions/:name: timer and message-push events come only from their triggers (定时器 panel).
  const e = (b.event ?? {}) as { Type?: unknown; MsgType?: unknown; Event?: unknown };
  if (e.Type === 'Timer' || e.MsgType === 'event' || e.Event === 'wxa_media_check') {
    throw new HttpError(403, 'TRIGGER_EVENT_REFUSED', '定时器事件请在“定时器”中触发，消息推送事件只来自平台');
  }
  try {
    return outcomeReply(deps, await deps.call(fn, b.event ?? {}, openid));
  } catch (err) {
    if (err instanceof UnknownFunctionError) throw new HttpError(404, err.code, err.message);
    throw err;
  }
}

function storageList(deps: ConsoleDeps): unknown[] {
  return deps.storage.files
    .list()
    .map((m) => ({ ...m, fileID: deps.storage.fileId(m.path) }))
    .sort((a, b) => b.uploadedAt - a.uploadedAt);
}

function int(v: string | null, fallback: number, max: number): number {
  if (v === null || v === '') return fallback;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : fallback;
}

export async function handleConsole(
  deps: ConsoleDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  checkKey(req, deps.secret);
  const p = url.pathname.slice('/v1/console'.length);
  const q = url.searchParams;
  const method = req.method ?? 'GET';
  let m: RegExpExecArray | null;
  const ok = (value: unknown): void => sendJson(res, 200, value, { 'cache-control': 'no-store' });

  if (method === 'GET' && p === '/overview') return ok(overview(deps));
  if (method === 'GET' && p === '/functions') return ok(functions(deps));
  if (method === 'GET' && p === '/identities') {
    return ok({ demo: seededIdentities(deps.dataDir), recent: deps.requests.recentOpenids() });
  }
  if ((m = /^\/docs\/([^/]+)(?:\/([^/]+))?$/.exec(p))) {
    const coll = requireCollection(deps.db, decodeURIComponent(m[1]));
    const id = m[2] === undefined ? undefined : decodeURIComponent(m[2]);
    if (method === 'GET' && id === undefined) {
      return ok(
        pageOf(deps.db, coll, q.get('filter') ?? '', int(q.get('offset'), 0, 1e9), int(q.get('limit'), 20, 200)),
      );
    }
    if (method === 'PUT' && id !== undefined) {
      if (!replaceDoc(deps.db, coll, id, await body(req, MAX_EVENT_BYTES))) {
        throw new HttpError(404, 'DOCUMENT_NOT_FOUND', `文档 ${id} 不存在`);
      }
      return ok({ updated: 1 });
    }
    if (method === 'DELETE' && id !== undefined) {
      if (!removeDoc(deps.db, coll, id)) throw new HttpError(404, 'DOCUMENT_NOT_FOUND', `文档 ${id} 不存在`);
      return ok({ deleted: 1 });
    }
  }
  if (method === 'POST' && p === '/call') return ok(await call(deps, req));
  if (method === 'GET' && p === '/requests') {
    const filter = { fn: q.get('fn') || undefined, openid: q.get('openid') || undefined };
    return ok(deps.requests.list({ ...filter, result: q.get('result') || undefined }, int(q.get('limit'), 200, 500)));
  }
  if (method === 'GET' && p === '/outbox') {
    // Each message with the call that sent it (when the request log still has it).
    const senders = new Map<number, { requestId: string; fn: string; action?: string }>();
    for (const r of deps.requests.list()) {
      for (const id of r.messages)
        if (!senders.has(id)) senders.set(id, { requestId: r.requestId, fn: r.fn, action: r.action });
    }
    const views = deps.outbox.list().reverse();
    return ok(views.map((e) => ({ ...messageView(e, deps.settings), sentBy: senders.get(e.id) ?? null })));
  }
  if (method === 'GET' && p === '/timers') {
    return ok(functions(deps).filter((f) => (f as { timer: unknown }).timer));
  }
  if (method === 'POST' && (m = /^\/timers\/([^/]+)\/fire$/.exec(p))) {
    await readBody(req, MAX_CONTROL_BYTES);
    const name = decodeURIComponent(m[1]);
    const run = deps.timers.fire(name);
    if (!run) throw new HttpError(404, 'TRIGGER_NOT_FOUND', `函数 ${name} 没有定时触发器`);
    return ok(outcomeReply(deps, await run));
  }
  if (p === '/clock') {
    if (method === 'POST') {
      const b = await body(req);
      if (typeof b.now === 'number') deps.clock.set(b.now);
      else if (typeof b.advanceMs === 'number') deps.clock.advance(b.advanceMs);
      else throw new HttpError(400, 'INVALID_PARAM', '需要 { "advanceMs": 毫秒 } 或 { "now": 时间戳 }');
    }
    if (method === 'GET' || method === 'POST') return ok(clockReply(deps.clock));
  }
  if (method === 'GET' && p === '/storage') return ok(storageList(deps));
  if (method === 'GET' && p === '/storage/file') {
    const filePath = q.get('path') ?? '';
    const file = cloudPathProblem(filePath) ? undefined : deps.storage.files.get(filePath);
    if (!file) throw new HttpError(404, 'FILE_NOT_FOUND', '文件不存在');
    return sendBuffer(res, 200, file.bytes, file.meta.contentType);
  }
  if (method === 'GET' && p === '/export') {
    const data = exportAll(deps.db, deps.clock.now());
    return sendJson(res, 200, data, { 'content-disposition': 'attachment; filename="local-cloud-export.json"' });
  }
  if (method === 'POST' && p === '/import')
    return ok({ imported: importAll(deps.db, await body(req, MAX_IMPORT_BYTES)) });
  throw new HttpError(404, 'NOT_FOUND', `${method} /v1/console${p}`);
}
