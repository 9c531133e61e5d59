/**
 * Signed tokens for QR codes (the 义工证 and the service proof): `<payload b64url>.<HMAC-SHA256 b64url>`.
 * A forged or edited token fails verification. Payloads hold ids only, never personal data.
 * Decoding is strict: only the base64url alphabet, no padding, and only the one spelling that encodes the bytes
 * (Node's decoder would otherwise skip `==`, `!`, whitespace and unused bits, so edited tokens would verify).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64url = (buf: Buffer) => buf.toString('base64url');
const ALPHABET = /^[A-Za-z0-9_-]+$/;

/** The bytes of a canonical base64url text, or undefined for anything else. */
export function decodeStrict(text: string): Buffer | undefined {
  if (!ALPHABET.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return b64url(bytes) === text ? bytes : undefined;
}

export function sign(payload: Record<string, unknown>, key: Buffer): string {
  const body = b64url(Buffer.from(JSON.stringify(payload), 'utf8'));
  return `${body}.${b64url(createHmac('sha256', key).update(body).digest())}`;
}

export function verify<T extends Record<string, unknown>>(token: string, key: Buffer): T | undefined {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return undefined;
  const given = decodeStrict(mac);
  const data = decodeStrict(body);
  if (!given || !data) return undefined;
  const expected = createHmac('sha256', key).update(body).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const payload: unknown = JSON.parse(data.toString('utf8'));
    return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as T) : undefined;
  } catch {
    return undefined;
  }
}
