/**
 * The local cloud's HTTP routes (node:http, no framework):
 *   POST /admin, /admin/w/<workerId>   wx-server-sdk's wire (admin.ts)
 *   POST /v1/functions/:name           body = event, x-wx-openid = identity, reply = what the function returned
 *   POST /v1/triggers/:name            run that function's timer trigger now
 *   GET  /v1/outbox, DELETE /v1/outbox every open-API message sent, newest last / forget them
 *   GET|POST /v1/outbox/faults         test controls: { unsubscribed: [openid], failNext: [{errcode, errmsg}], clear }
 *   GET|POST /v1/security/media        media check controls: { risky: [sha256 | { sha256, label }], hold, clear } / verdicts
 *   POST /v1/security/media/settle     waits until every pending wxa_media_check event has been delivered
 *   GET|POST /v1/clock                 { now } / { advanceMs } or { now }
 *   PUT|GET /cos/<bucket>/<path>       cloud storage: the SDK's upload, temporary URLs (storage/index.ts)
 *   POST /v1/storage/upload            the mini program's local-mode upload (multipart `file`, formData `cloudPath`)
 *   GET  /healthz
 *   GET  /, /console/*                 the console page (console/), GET|POST|PUT|DELETE /v1/console/* its API (key)
 * Every route first checks that the request is local (guard.ts); bodies have size and nesting limits (body.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAdmin, type AdminDeps } from '../admin';
import type { Clock } from '../clock';
import { handleConsole, serveConsoleAsset, type ConsoleDeps } from '../console/api';
import type { FunctionHost, InvocationOutcome } from '../functions/host';
import { UnknownFunctionError } from '../functions/host';
import { metricsHeaders } from '../metrics';
import type { MediaChecks, MediaControls } from '../openapi/media-check';
import type { Outbox, OutboxFaults } from '../outbox';
import type { TimerScheduler } from '../timers';
import { HttpError, MAX_CONTROL_BYTES, MAX_EVENT_BYTES, parseJson, readBody, sendJson } from './body';
import { checkLocalRequest } from './guard';

export interface RouteDeps extends AdminDeps {
  clock: Clock;
  outbox: Outbox;
  host: FunctionHost;
  timers: TimerScheduler;
  mediaChecks: MediaChecks;
  collections: () => string[];
  /** The console's API (absent: no console). */
  console?: ConsoleDeps;
}

/** Writes an invocation's outcome: the function's return value, or an error JSON (500; 504 on timeout). */
export function sendOutcome(res: ServerResponse, outcome: InvocationOutcome): void {
  const headers = metricsHeaders(outcome.metrics, outcome.requestId);
  if (outcome.ok) {
    sendJson(res, 200, outcome.result ?? null, headers);
    return;
  }
  const status = outcome.kind === 'timeout' ? 504 : 500;
  sendJson(res, status, { code: outcome.code, message: outcome.message, requestId: outcome.requestId }, headers);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The request's path, percent-decoded once to check it; a path that is not valid is a 400. */
function pathOf(req: IncomingMessage): string {
  try {
    const p = new URL(req.url ?? '/', 'http://local').pathname;
    decodeURIComponent(p);
    return p;
  } catch {
    throw new HttpError(400, 'INVALID_PATH', 'the request path is not a valid URL path');
  }
}

/**
 * A timer event comes only from the function's timer trigger (the schedule or POST /v1/triggers/:name). In the
 * cloud no caller without an OPENID can reach a function but its trigger; here this route is such a door, so
 * an event that claims to be a timer is refused rather than run as one.
 */
function refuseTimerEvent(event: unknown): void {
  if (event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer') {
    throw new HttpError(403, 'TIMER_EVENT_REFUSED', 'timer events come only from POST /v1/triggers/:name');
  }
}

/** Likewise a message-push event (`wxa_media_check` …) comes only from the platform (openapi/media-check.ts). */
function refusePushEvent(event: unknown): void {
  const e = event && typeof event === 'object' ? (event as { MsgType?: unknown; Event?: unknown }) : {};
  if (e.MsgType === 'event' || e.Event === 'wxa_media_check') {
    throw new HttpError(403, 'PUSH_EVENT_REFUSED', 'message-push events come only from the platform');
  }
}

export async function route(deps: RouteDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  checkLocalRequest(req);
  const p = pathOf(req);
  const method = req.method ?? 'GET';
  let m: RegExpExecArray | null;

  if (method === 'POST' && (m = /^\/admin(?:\/w\/(\d+))?\/?$/.exec(p))) {
    return handleAdmin(deps, req, res, m[1] === undefined ? undefined : Number(m[1]));
  }
  if ((method === 'PUT' || method === 'GET') && p.startsWith('/cos/')) {
    return deps.storage.handleObject(req, res, p.slice('/cos/'.length));
  }
  if (method === 'POST' && p === '/v1/storage/upload') return deps.storage.handleMiniProgramUpload(req, res);
  if (method === 'POST' && (m = /^\/v1\/functions\/([^/]+)$/.exec(p))) {
    const event = parseJson(await readBody(req, MAX_EVENT_BYTES));
    refuseTimerEvent(event);
    refusePushEvent(event);
    const openid = header(req, 'x-wx-openid');
    try {
      const outcome = await deps.host.invoke(decodeURIComponent(m[1]), event, { openid, source: 'http' });
      return sendOutcome(res, outcome);
    } catch (err) {
      if (err instanceof UnknownFunctionError) throw new HttpError(404, err.code, err.message);
      throw err;
    }
  }
  if (method === 'POST' && (m = /^\/v1\/triggers\/([^/]+)$/.exec(p))) {
    await readBody(req, MAX_CONTROL_BYTES);
    const name = decodeURIComponent(m[1]);
    const run = deps.timers.fire(name);
    if (!run) throw new HttpError(404, 'TRIGGER_NOT_FOUND', `function ${name} has no timer trigger`);
    return sendOutcome(res, await run);
  }
  if (p === '/v1/outbox' && method === 'GET') return sendJson(res, 200, deps.outbox.list());
  if (p === '/v1/outbox' && method === 'DELETE') {
    deps.outbox.clear();
    return sendJson(res, 200, { cleared: true });
  }
  if (p === '/v1/outbox/faults') {
    if (method === 'GET') return sendJson(res, 200, deps.outbox.faults());
    if (method === 'POST') {
      const body = parseJson(await readBody(req, MAX_CONTROL_BYTES)) as Partial<OutboxFaults> & { clear?: boolean };
      return sendJson(res, 200, deps.outbox.setFaults(body));
    }
  }
  if (p === '/v1/security/media') {
    if (method === 'POST') {
      const body = parseJson(await readBody(req, MAX_CONTROL_BYTES)) as MediaControls;
      return sendJson(res, 200, deps.mediaChecks.setControls(body));
    }
    if (method === 'GET')
      return sendJson(res, 200, { ...deps.mediaChecks.controls(), verdicts: deps.mediaChecks.list() });
  }
  if (p === '/v1/security/media/settle' && method === 'POST') {
    await readBody(req, MAX_CONTROL_BYTES);
    return sendJson(res, 200, { delivered: await deps.mediaChecks.settle() });
  }
  if (p === '/v1/clock') {
    if (method === 'POST') {
      const body = parseJson(await readBody(req, MAX_CONTROL_BYTES)) as { advanceMs?: unknown; now?: unknown };
      if (typeof body.now === 'number') deps.clock.set(body.now);
      else if (typeof body.advanceMs === 'number') deps.clock.advance(body.advanceMs);
      else throw new HttpError(400, 'INVALID_PARAM', 'expected { "advanceMs": number } or { "now": epochMs }');
    } else if (method !== 'GET') throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} ${p}`);
    const now = deps.clock.now();
    return sendJson(res, 200, { now, iso: new Date(now).toISOString() });
  }
  if (deps.console && method === 'GET' && serveConsoleAsset(p, res)) return;
  if (deps.console && (p === '/v1/console' || p.startsWith('/v1/console/'))) {
    return handleConsole(deps.console, req, res, new URL(req.url ?? '/', 'http://local'));
  }
  if (p === '/healthz' && method === 'GET') {
    return sendJson(res, 200, { ok: true, now: deps.clock.now(), collections: deps.collections().length });
  }
  throw new HttpError(404, 'NOT_FOUND', `${method} ${p}`);
}
