/**
 * Talking to the local cloud's `/admin` as wx-server-sdk does: the same headers, signed with the same `sign()` of
 * @cloudbase/signature-nodejs (TC3-HMAC-SHA256, service `tcb`), and a raw HTTP request for what fetch cannot send
 * (another Host header, a broken path).
 */
import { sign } from '@cloudbase/signature-nodejs';
import http from 'node:http';

export interface Secret {
  id: string;
  key: string;
}

export interface SignOptions {
  secret: Secret;
  /** Signing time in seconds; default now on the real clock, less one second (as node-sdk does). */
  timestamp?: number;
}

/** The headers node-sdk 3.17.2 sends with a JSON action to `url`, Authorization included. */
export function signedHeaders(url: string, params: Record<string, unknown>, o: SignOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'User-Agent': 'tcb-node-sdk/3.17.2',
    'X-TCB-Source': ',not_scf',
    'X-Client-Timestamp': String(Date.now()),
    'X-SDK-Version': 'tcb-node-sdk/3.17.2',
    Host: new URL(url).host,
  };
  const { authorization, timestamp } = sign({
    secretId: o.secret.id,
    secretKey: o.secret.key,
    method: 'post',
    url,
    params,
    headers,
    withSignedParams: true,
    timestamp: o.timestamp ?? Math.floor(Date.now() / 1000) - 1,
  });
  return { ...headers, Authorization: authorization, 'X-Signature-Expires': '600', 'X-Timestamp': String(timestamp) };
}

export interface RawReply {
  status: number;
  /** The parsed JSON reply (the text when it is not JSON). */
  body: unknown;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** One HTTP request with exactly these headers and path (no URL normalising). */
export function rawRequest(port: number, r: RawRequest): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: r.method ?? 'POST', path: r.path, headers: r.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

/** A signed JSON action on `/admin` (or `path`), as a function's SDK would send it. */
export function postAdmin(
  baseUrl: string,
  params: Record<string, unknown>,
  o: SignOptions & { path?: string },
): Promise<RawReply> {
  const url = `${baseUrl}${o.path ?? '/admin'}?env=local&seqId=test`;
  const { pathname, search, port } = new URL(url);
  const body = JSON.stringify(params);
  const headers = { ...signedHeaders(url, params, o), 'content-length': String(Buffer.byteLength(body)) };
  return rawRequest(Number(port), { path: pathname + search, headers, body });
}
