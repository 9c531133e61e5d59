/**
 * Personal data at rest: AES-256-GCM with the function setting PII_KEY.
 * PII_KEY holds the current key, then any older keys after commas (`<new>,<old>`): each 32 bytes, base64 or hex.
 * Stored form: `v2:<key id>:<iv b64>:<tag b64>:<ciphertext b64>`; the key id (a short HMAC of the key, never the
 * key) picks the key to decrypt with, so rotating the key keeps older data readable. The earlier form
 * `v1:<iv>:<tag>:<ciphertext>` (no key id) is still read, trying each key. Masking shows the first 3 and last 4 digits.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** The keys of PII_KEY: `current` encrypts and derives token keys; every key of `keys` decrypts. */
export interface Keyring {
  current: Buffer;
  keys: Buffer[];
}

/** A key or a keyring (a bare key acts as a keyring of one). */
export type KeyInput = Buffer | Keyring;

const ringOf = (key: KeyInput): Keyring => (Buffer.isBuffer(key) ? { current: key, keys: [key] } : key);

export function parseKey(raw: string | undefined): Buffer | undefined {
  if (!raw) return undefined;
  const text = raw.trim();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  return key.length === 32 ? key : undefined;
}

/** The PII_KEY setting: the current key first, older keys after commas; undefined when any key is not valid. */
export function parseKeyring(raw: string | undefined): Keyring | undefined {
  const parts = (raw ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const keys = parts.map(parseKey);
  if (keys.length === 0 || keys.some((k) => !k)) return undefined;
  const valid = keys as Buffer[];
  return { current: valid[0], keys: valid };
}

/** A short, stable id of a key that reveals nothing of it. */
export const keyId = (key: Buffer): string => createHmac('sha256', key).update('boai:key-id').digest('hex').slice(0, 8);

export function encrypt(plain: string, key: KeyInput): string {
  const { current } = ringOf(key);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', current, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64'));
  return ['v2', keyId(current), ...parts].join(':');
}

function open(key: Buffer, iv: string, tag: string, data: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}

export function decrypt(stored: string, key: KeyInput): string {
  const { keys } = ringOf(key);
  const parts = stored.split(':');
  if (parts[0] === 'v2' && parts.length === 5) {
    const [, id, iv, tag, data] = parts;
    const match = keys.find((k) => keyId(k) === id);
    if (!match) throw new Error(`no PII key with id ${id}: list the key that wrote it in PII_KEY`);
    return open(match, iv, tag, data);
  }
  if (parts[0] === 'v1' && parts.length === 4) {
    const [, iv, tag, data] = parts;
    for (const k of keys) {
      try {
        return open(k, iv, tag, data);
      } catch {
        // not this key: try the next one
      }
    }
    throw new Error('no PII key listed in PII_KEY decrypts this (v1) ciphertext');
  }
  throw new Error('unknown ciphertext format');
}

/** A key for one purpose (card tokens, proofs …) derived from the current PII key, so one secret serves them all. */
export function deriveKey(key: KeyInput, purpose: string): Buffer {
  return createHmac('sha256', ringOf(key).current).update(`boai:${purpose}`).digest();
}
