/** Opaque ids and codes made by the functions (never derived from an openid). */
import { randomBytes } from 'node:crypto';

export const newId = () => randomBytes(12).toString('hex');

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random code without look-alike characters (no 0/O, 1/I/L), for invites. */
export function newCode(length = 10): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}
