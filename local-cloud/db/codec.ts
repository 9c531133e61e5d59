/**
 * EJSON in and out of the engine, the way @cloudbase/database 1.4.3 encodes it (canonical EJSON via bson 4).
 * Inside the engine documents are plain JS values: numbers, strings, Date, bson ObjectId, arrays, objects.
 */
import { BSONRegExp, EJSON, ObjectId } from 'bson';

export type Doc = Record<string, unknown>;

export { ObjectId };

/** Parses one EJSON string as sent by the SDK (canonical or relaxed) into plain JS values. */
export function parseEjson(text: unknown): unknown {
  if (typeof text !== 'string') return text ?? undefined;
  if (text === '') return undefined;
  return EJSON.parse(text, { relaxed: true });
}

/** Stores a document as canonical EJSON (keeps Dates, ObjectIds and number kinds). */
export function storeText(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: false });
}

export function loadText(text: string): Doc {
  return EJSON.parse(text, { relaxed: true }) as Doc;
}

/**
 * What the cloud sends back: canonical EJSON with every ObjectId turned into its hex string
 * (the SDK's formatResDocumentData would turn a parsed ObjectId into `{}`; the cloud returns hex strings).
 */
export function toWire(doc: unknown): string {
  return EJSON.stringify(objectIdsToHex(doc) as Doc, { relaxed: false });
}

function objectIdsToHex(value: unknown): unknown {
  if (value instanceof ObjectId) return value.toHexString();
  if (Array.isArray(value)) return value.map(objectIdsToHex);
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const [k, v] of Object.entries(value)) out[k] = objectIdsToHex(v);
    return out;
  }
  return value;
}

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Resolves what the SDK leaves for the server: `{$tcb_server_date: {offset}}` becomes the server's time plus offset,
 * and (in queries) BSON regular expressions become JS RegExps for the matcher.
 */
export function resolveSpecials(value: unknown, now: number, regexToJs: boolean): unknown {
  if (value instanceof BSONRegExp) return regexToJs ? bsonRegexToJs(value.pattern, value.options) : value;
  if (Array.isArray(value)) return value.map((v) => resolveSpecials(v, now, regexToJs));
  if (isPlainObject(value)) {
    const sd = value.$tcb_server_date;
    if (sd !== undefined && Object.keys(value).length === 1) {
      const offset = isPlainObject(sd) && typeof sd.offset === 'number' ? sd.offset : 0;
      return new Date(now + offset);
    }
    const out: Doc = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveSpecials(v, now, regexToJs);
    if (regexToJs && typeof out.$regex === 'string') {
      const options = typeof out.$options === 'string' ? out.$options : '';
      out.$regex = bsonRegexToJs(out.$regex, options);
      delete out.$options;
    }
    return out;
  }
  return value;
}

/** BSON options (i m s x u l) to JS flags; `x` (extended) strips unescaped whitespace and comments. */
export function bsonRegexToJs(pattern: string, options: string): RegExp {
  let source = pattern;
  if (options.includes('x')) source = source.replace(/(?<!\\)#.*$/gm, '').replace(/(?<!\\)\s+/g, '');
  const flags = [...new Set(options.split('').filter((f) => 'ims'.includes(f)))].join('');
  return new RegExp(source, flags);
}

/** Key used for a document's _id in storage: strings as is, ObjectIds and numbers tagged. */
export function idKey(id: unknown): string {
  if (typeof id === 'string') return id;
  if (id instanceof ObjectId) return `$oid:${id.toHexString()}`;
  if (typeof id === 'number') return `$num:${id}`;
  return `$json:${EJSON.stringify(id as Doc, { relaxed: false })}`;
}

/** A random _id like CloudBase's: 32 hex characters. */
export function newId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Deep clone that keeps Dates and ObjectIds. */
export function clone<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out as T;
  }
  return value;
}
