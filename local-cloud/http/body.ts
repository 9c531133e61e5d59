/** Reading request bodies (size and nesting limits) and writing JSON replies for the local cloud's HTTP routes. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** CloudBase refuses a function event over 6 MB (EXCEED_MAX_PAYLOAD_SIZE). */
export const MAX_EVENT_BYTES = 6 * 1024 * 1024;
/** `/admin` carries a `callFunction` event as an escaped JSON string, so it gets room above the event limit. */
export const MAX_ADMIN_BYTES = 8 * 1024 * 1024;
/** The small control routes (clock, outbox faults, triggers). */
export const MAX_CONTROL_BYTES = 64 * 1024;
/** JSON nested deeper than this is refused (MongoDB's own limit for a document's nesting is 100). */
export const MAX_JSON_DEPTH = 100;
/** How much of an oversized body is read and dropped before the connection is closed, so the 413 arrives. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'EXCEED_MAX_PAYLOAD_SIZE', `request body over ${limit / 1024 / 1024} MB`);
}

/**
 * Reads the body up to `limit` bytes. A larger body is a 413: the rest is read and dropped (up to 64 MB) so the
 * client, still sending, gets the answer instead of a reset connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_DRAIN_BYTES) {
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) req.destroy();
      else if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(tooLarge(limit)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
    // A request that ends early (or was cut at the drain limit) settles here; after 'end' this is a no-op.
    req.on('close', () =>
      reject(size > limit ? tooLarge(limit) : new HttpError(400, 'REQUEST_ABORTED', 'request ended early')),
    );
  });
}

/** The deepest nesting of `[` / `{` in JSON text, counted without recursion; brackets in strings do not count. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, (depth += 1));
    else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return deepest;
}

/** Parses JSON text; anything that is not JSON, or nested deeper than MAX_JSON_DEPTH, is a 400. */
export function parseJsonText(text: string): unknown {
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new HttpError(400, 'JSON_TOO_DEEP', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'request body is not valid JSON');
  }
}

/** Parses a JSON body; an empty body is `{}`. */
export function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8').trim();
  return text ? parseJsonText(text) : {};
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const body = value === undefined ? '' : JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

export function sendBuffer(res: ServerResponse, status: number, body: Buffer, contentType: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': body.length });
  res.end(body);
}
