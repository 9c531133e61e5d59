/**
 * The open API (`action=wx.openApi`): decode the SDK's protobuf request, run the emulated API, and answer
 * with a protobuf CommOpenApiResp whose respData is WeChat's JSON (or the image bytes), as the cloud does.
 */
import type { Clock } from '../clock';
import type { Invocation } from '../functions/host';
import type { Outbox } from '../outbox';
import type { MediaChecks } from './media-check';
import { msgSecCheck, type SecWord } from './msg-sec-check';
import { decodeCommApiData, encodeCommOpenApiResp } from './protobuf';
import { validateSubscribeMessage } from './subscribe-message';
import { getUnlimited, type OpenApiReply } from './wxacode';

/** CloudBase's errorCode when a function's config.json does not grant the API (permissions.openapi). */
export const NO_PERMISSION = -604101;
export const UNKNOWN_API = -604100;

export interface OpenApiContext {
  clock: Clock;
  outbox: Outbox;
  secWords: () => SecWord[];
  mediaChecks: MediaChecks;
  /** The invocation calling, when the request came from a function instance. */
  caller?: Invocation;
}

/** Decodes the request's pairs: JSON values, or raw bytes for parts that carry a content type (media). */
export function decodeRequestData(buf: Buffer): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of decodeCommApiData(buf).pairs) {
    if (pair.contenttype) {
      out[pair.key] = { contentType: pair.contenttype, filename: pair.filename, value: pair.value };
      continue;
    }
    const text = pair.value.toString('utf8');
    try {
      out[pair.key] = JSON.parse(text) as unknown;
    } catch {
      out[pair.key] = text;
    }
  }
  return out;
}

async function run(apiName: string, req: Record<string, unknown>, ctx: OpenApiContext): Promise<OpenApiReply> {
  switch (apiName) {
    case 'subscribeMessage.send': {
      const invalid = validateSubscribeMessage(req);
      if (invalid) return { json: { ...invalid } };
      const fault = ctx.outbox.takeFault(String(req.touser));
      if (fault) return { json: { ...fault } };
      const at = ctx.clock.now();
      ctx.outbox.record({
        time: new Date(at).toISOString(),
        at,
        apiName,
        openid: ctx.caller?.openid,
        function: ctx.caller?.fn.name,
        touser: String(req.touser),
        data: req,
      });
      return { json: { errcode: 0, errmsg: 'ok' } };
    }
    case 'security.msgSecCheck':
      return { json: msgSecCheck(req, ctx.secWords()) };
    case 'security.mediaCheckAsync':
      return { json: ctx.mediaChecks.request(req, ctx.caller) };
    case 'wxacode.getUnlimited':
      return getUnlimited(req);
    default:
      return { json: { errcode: UNKNOWN_API, errmsg: `the local cloud does not emulate openapi.${apiName}` } };
  }
}

/** Answers one `wx.openApi` request; returns the protobuf body the SDK decodes. */
export async function handleOpenApi(apiName: string, requestData: Buffer, ctx: OpenApiContext): Promise<Buffer> {
  if (ctx.caller && !ctx.caller.fn.openapi.includes(apiName)) {
    return encodeCommOpenApiResp({ respData: Buffer.alloc(0), contentType: '', errorCode: NO_PERMISSION });
  }
  const req = decodeRequestData(requestData);
  const reply = await run(apiName, req, ctx);
  if ('buffer' in reply) return encodeCommOpenApiResp({ respData: reply.buffer, contentType: reply.contentType });
  return encodeCommOpenApiResp({
    respData: Buffer.from(JSON.stringify(reply.json)),
    contentType: 'application/json; charset=utf-8',
    httpCode: 200,
  });
}
