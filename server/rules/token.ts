/**
 * Signed tokens for QR codes (the 义工证 and the service proof): `<payload b64url>.<HMAC-SHA256 b64url>`.
 * A forged or edited token fails verification. Payloads hold ids only, never personal data.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64url = (buf: Buffer) => buf.toString('base64url');

export function sign(payload: Record<string, unknown>, key: Buffer): string {
  const body = b64url(Buffer.from(JSON.stringify(payload), 'utf8'));
  return `${body}.${b64url(createHmac('sha256', key).update(body).digest())}`;
}

export function verify<T extends Record<string, unknown>>(token: string, key: Buffer): T | undefined {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return undefined;
  const expected = createHmac('sha256', key).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return payload && typeof payload === 'object' ? (payload as T) : undefined;
  } catch {
    return undefined;
  }
}
