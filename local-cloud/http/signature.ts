/**
 * Checks node-sdk's TC3-HMAC-SHA256 request signature on `/admin`, as the cloud checks it: the same `sign()` of
 * @cloudbase/signature-nodejs, given the request's signed headers, its parsed params and its X-Timestamp,
 * must reproduce the Authorization header exactly. A timestamp more than 5 minutes off is refused.
 */
import { sign } from '@cloudbase/signature-nodejs';
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './body';

export const MAX_SKEW_SECONDS = 5 * 60;

export interface SignatureCheck {
  secret: { id: string; key: string };
  /**
   * The times (epoch ms) a signature may be near: the real clock, and the functions' clock, which their SDK
   * signs with (the worker's Date follows the local clock, see functions/fake-date.ts).
   */
  clocks: () => number[];
}

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/\d{4}-\d{2}-\d{2}\/tcb\/tc3_request,(?: SignedParams=[^,]*,)? SignedHeaders=([^,\s]+), Signature=[0-9a-f]{64}$/;

function refuse(why: string): never {
  throw new HttpError(401, 'SIGN_PARAM_INVALID', `request signature refused: ${why}`);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Throws 401 SIGN_PARAM_INVALID unless the request was signed with the local secret, recently. */
export function verifySignature(req: IncomingMessage, params: Record<string, unknown>, check: SignatureCheck): void {
  const authorization = header(req, 'authorization') ?? '';
  const m = AUTHORIZATION.exec(authorization);
  if (!m) refuse('no TC3-HMAC-SHA256 Authorization header');
  if (m[1] !== check.secret.id) refuse(`unknown secret id ${m[1]}`);
  const timestamp = Number(header(req, 'x-timestamp'));
  if (!Number.isInteger(timestamp)) refuse('no X-Timestamp');
  if (!check.clocks().some((ms) => Math.abs(ms / 1000 - timestamp) <= MAX_SKEW_SECONDS)) {
    refuse('X-Timestamp is more than 5 minutes off the time');
  }
  const headers: Record<string, string> = {};
  for (const name of m[2].split(';')) {
    const value = header(req, name);
    if (value === undefined) refuse(`signed header ${name} is missing`);
    headers[name] = value;
  }
  let expected: string;
  try {
    expected = sign({
      secretId: check.secret.id,
      secretKey: check.secret.key,
      method: (req.method ?? 'POST').toLowerCase(),
      url: `http://${req.headers.host ?? ''}${req.url ?? '/'}`,
      headers,
      params,
      withSignedParams: true,
      timestamp,
    }).authorization;
  } catch (err) {
    refuse(String((err as Error).message));
  }
  if (!sameText(expected, authorization)) refuse('the signature does not match');
}
