/**
 * `POST /admin` (and `/admin/w/<workerId>`): the wire of wx-server-sdk / @cloudbase/node-sdk.
 * JSON actions reply with HTTP 200 and `{ data, requestId }` on success or `{ code, message, requestId }`
 * on failure (node-sdk turns `code` into an error); `wx.openApi` is multipart and replies with protobuf.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DatabaseEngine } from './database-port';
import type { FunctionHost, Invocation } from './functions/host';
import { UnknownFunctionError } from './functions/host';
import { HttpError, MAX_ADMIN_BYTES, parseJson, parseJsonText, readBody, sendBuffer, sendJson } from './http/body';
import { boundaryOf, parseMultipart, type FormPart } from './http/multipart';
import { verifySignature, type SignatureCheck } from './http/signature';
import type { DbMetrics } from './metrics';
import { handleOpenApi, type OpenApiContext } from './openapi';
import { writeRecordOf } from './request-trace';
import type { LocalStorage } from './storage';

export interface AdminDeps {
  db: DatabaseEngine;
  host: FunctionHost;
  openApi: Omit<OpenApiContext, 'caller'>;
  signature: SignatureCheck;
  storage: LocalStorage;
}

type Reply = { data: unknown } | { code: string; message: string };

async function callDatabase(deps: AdminDeps, action: string, params: Record<string, unknown>, caller?: Invocation) {
  const m: DbMetrics = { requests: 0, docsRead: 0, docsWritten: 0 };
  try {
    const data = await deps.db.handle(action, params, m);
    const write = caller && m.docsWritten > 0 ? writeRecordOf(action, params, data, m.docsWritten) : undefined;
    // The request log shows what a call wrote; a nested call's writes are its callers' too.
    for (let inv = caller; write && inv; inv = inv.parent) inv.trace.writes.push(write);
    return { data };
  } catch (err) {
    const e = err as { code?: unknown; message?: string };
    if (typeof e.code === 'string') return { code: e.code, message: e.message ?? e.code };
    return { code: 'DATABASE_REQUEST_FAILED', message: e.message ?? String(err) };
  } finally {
    caller?.metrics.add({ requests: 1, docsRead: m.docsRead, docsWritten: m.docsWritten });
  }
}

async function callFunction(deps: AdminDeps, params: Record<string, unknown>, caller?: Invocation): Promise<Reply> {
  const name = String(params.function_name ?? '');
  let event: unknown = {};
  const raw = params.request_data;
  if (typeof raw === 'string' && raw) {
    try {
      event = parseJsonText(raw);
    } catch (err) {
      return { code: 'INVALID_PARAM', message: `request_data: ${(err as Error).message}` };
    }
  }
  try {
    // The callee runs as the caller's user, as in CloudBase.
    const outcome = await deps.host.invoke(name, event, {
      openid: caller?.openid,
      parent: caller,
      source: 'callFunction',
    });
    if (outcome.ok) return { data: { response_data: JSON.stringify(outcome.result ?? null) } };
    return { code: outcome.code, message: outcome.message };
  } catch (err) {
    if (err instanceof UnknownFunctionError) return { code: 'FUNCTIONS_REQUEST_FAIL', message: err.message };
    throw err;
  }
}

/** The params node-sdk signed for a form: text fields as strings, files (the protobuf requestData) as bytes. */
function formParams(parts: FormPart[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const p of parts) params[p.name] = p.filename || p.contentType ? p.data : p.data.toString('utf8');
  return params;
}

/** A transaction's start reply carries `transactionId` at the top level (@cloudbase/database reads it there). */
function envelope(action: string, reply: Reply, requestId: string): Record<string, unknown> {
  if ('code' in reply) return { code: reply.code, message: reply.message, requestId };
  const lifted =
    action.endsWith('Transaction') && reply.data && typeof reply.data === 'object' ? (reply.data as object) : {};
  return { ...lifted, data: reply.data, requestId };
}

/** Links the messages this open-API request put in the outbox to the calling invocation (and its callers). */
function noteMessages(deps: AdminDeps, caller: Invocation, sentBefore: number): void {
  const sent = deps.openApi.outbox
    .list()
    .filter((e) => e.id > sentBefore && e.function === caller.fn.name && e.openid === caller.openid);
  for (let inv: Invocation | undefined = caller; inv; inv = inv.parent) {
    inv.trace.messages.push(...sent.map((e) => e.id));
  }
}

export async function handleAdmin(
  deps: AdminDeps,
  req: IncomingMessage,
  res: ServerResponse,
  workerId: number | undefined,
): Promise<void> {
  const caller = workerId === undefined ? undefined : deps.host.current(workerId);
  const body = await readBody(req, MAX_ADMIN_BYTES);
  const requestId = randomUUID();
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    const boundary = boundaryOf(contentType);
    if (!boundary) throw new HttpError(400, 'INVALID_PARAM', 'multipart body without boundary');
    const parts = parseMultipart(body, boundary);
    verifySignature(req, formParams(parts), deps.signature);
    const fields = new Map(parts.map((p) => [p.name, p.data]));
    const action = fields.get('action')?.toString('utf8');
    const apiName = fields.get('apiName')?.toString('utf8') ?? '';
    if (action !== 'wx.openApi') {
      sendJson(res, 200, { code: 'INVALID_ACTION', message: `local cloud does not support ${action}`, requestId });
      return;
    }
    const sentBefore = deps.openApi.outbox.list().at(-1)?.id ?? 0;
    const pb = await handleOpenApi(apiName, fields.get('requestData') ?? Buffer.alloc(0), { ...deps.openApi, caller });
    if (caller) noteMessages(deps, caller, sentBefore);
    sendBuffer(res, 200, pb, 'application/octet-stream');
    return;
  }
  const parsed = parseJson(body);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new HttpError(400, 'INVALID_PARAM', 'the body must be a JSON object');
  }
  const params = parsed as Record<string, unknown>;
  verifySignature(req, params, deps.signature);
  const action = typeof params.action === 'string' ? params.action : '';
  let reply: Reply;
  if (action.startsWith('database.')) reply = await callDatabase(deps, action, params, caller);
  else if (action === 'functions.invokeFunction') reply = await callFunction(deps, params, caller);
  else if (action.startsWith('storage.')) reply = deps.storage.handleAction(action, params, caller?.openid);
  else reply = { code: 'INVALID_ACTION', message: `local cloud does not support action ${action || '(none)'}` };
  sendJson(res, 200, envelope(action, reply, requestId));
}
