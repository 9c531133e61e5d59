/**
 * Index keys: what one document contributes to the index of one field, in an order SQLite can compare the way mingo
 * sorts. A key is (t, k): `t` the type's rank in mingo's sort order (missing < null < number < string < object <
 * array < boolean < date), `k` a value SQLite compares within that type (REAL for numbers and dates, UTF-16BE BLOB for
 * strings so byte order is JavaScript's code-unit order, 0 where the type has one value).
 * Values the index cannot order (objects, nested arrays, NaN, ObjectIds, regexes…) get the key ANY, which every
 * lookup of the field includes; an array gets ARRAY plus one key per element, as MongoDB's multikey indexes do.
 */
import { resolve } from 'mingo/util';
import type { AnyObject } from 'mingo/types';
import type { Doc } from './codec';

export const T = {
  NULL: 2,
  NUMBER: 3,
  STRING: 4,
  ARRAY: 7,
  BOOLEAN: 9,
  DATE: 10,
  ANY: 99,
} as const;

export type KeyValue = number | Buffer;

export interface Key {
  t: number;
  k: KeyValue;
}

/** The key of a scalar the index can order, or undefined (objects, arrays, NaN, ObjectIds…). */
export function scalarKey(v: unknown): Key | undefined {
  if (v === undefined || v === null) return { t: T.NULL, k: 0 };
  if (typeof v === 'number') return Number.isNaN(v) ? undefined : { t: T.NUMBER, k: v };
  if (typeof v === 'string') return { t: T.STRING, k: utf16be(v) };
  if (typeof v === 'boolean') return { t: T.BOOLEAN, k: v ? 1 : 0 };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : { t: T.DATE, k: v.getTime() };
  return undefined;
}

/** Every key a document has for `field`, resolved as mingo's query operators resolve it. */
export function keysOf(doc: Doc, field: string): Key[] {
  const v = resolve(doc as AnyObject, field, { unwrapArray: true });
  if (!Array.isArray(v)) return [scalarKey(v) ?? ANY];
  const out: Key[] = [{ t: T.ARRAY, k: 0 }];
  for (const el of v) out.push(Array.isArray(el) ? ANY : (scalarKey(el) ?? ANY));
  return dedupe(out);
}

const ANY: Key = { t: T.ANY, k: 0 };

function dedupe(keys: Key[]): Key[] {
  const seen = new Set<string>();
  return keys.filter((key) => {
    const id = `${key.t}:${Buffer.isBuffer(key.k) ? key.k.toString('hex') : String(key.k)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** A leading byte keeps the empty string a non-empty BLOB; the rest compares as JavaScript compares strings. */
function utf16be(s: string): Buffer {
  const buf = Buffer.alloc(1 + s.length * 2);
  buf[0] = 1;
  for (let i = 0; i < s.length; i++) buf.writeUInt16BE(s.charCodeAt(i), 1 + i * 2);
  return buf;
}

/** Marks a document whose compound-index prefix holds a value the index cannot key (an array, an object…). */
export const UNKEYED = Buffer.from([0xff]);

/**
 * The equality prefix of a compound index as one BLOB (type byte + value per field; equal prefixes, equal bytes), or
 * UNKEYED. Only equality is asked of it, so its byte order does not matter.
 */
export function prefixKey(doc: Doc, fields: readonly string[]): Buffer {
  const keys: Key[] = [];
  for (const field of fields) {
    const v = resolve(doc as AnyObject, field, { unwrapArray: true });
    const key = Array.isArray(v) ? undefined : scalarKey(v);
    if (!key) return UNKEYED;
    keys.push(key);
  }
  return encodePrefix(keys);
}

export function encodePrefix(keys: readonly Key[]): Buffer {
  const parts: Buffer[] = [];
  for (const key of keys) {
    parts.push(Buffer.from([key.t]));
    if (Buffer.isBuffer(key.k)) {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(key.k.length);
      parts.push(len, key.k);
    } else if (key.t !== T.NULL) {
      const num = Buffer.alloc(8);
      num.writeDoubleBE(key.k + 0); // -0 and 0 are one key, as mingo's equality has them
      parts.push(num);
    }
  }
  return Buffer.concat(parts);
}
