/**
 * `$jsonSchema` as MongoDB (and so CloudBase, `db.command.jsonSchema`) reads it: JSON Schema draft 4 plus `bsonType`,
 * without `$ref`, `$schema`, `default`, `definitions`, `format` and `id` (MongoDB refuses those, so do we).
 * Keywords about one kind of value apply only to values of that kind (`minimum` ignores a string), as in draft 4.
 * The engine holds numbers as JS numbers: an integer reads as `int` (or `long` past 32 bits), any other as `double`.
 */
import { isEqual } from 'mingo/util';
import { isPlainObject } from './codec';

type Schema = Record<string, unknown>;
type Check = (value: unknown) => boolean;

const UNSUPPORTED = new Set(['$ref', '$schema', 'default', 'definitions', 'format', 'id']);
const KNOWN = new Set([
  'additionalItems',
  'additionalProperties',
  'allOf',
  'anyOf',
  'bsonType',
  'dependencies',
  'description',
  'enum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'items',
  'maximum',
  'maxItems',
  'maxLength',
  'maxProperties',
  'minimum',
  'minItems',
  'minLength',
  'minProperties',
  'not',
  'oneOf',
  'pattern',
  'patternProperties',
  'properties',
  'required',
  'title',
  'type',
  'uniqueItems',
]);

const JSON_TYPES = new Set(['object', 'array', 'number', 'boolean', 'string', 'null']);
const BSON_TYPES = new Set([
  'double',
  'string',
  'object',
  'array',
  'binData',
  'undefined',
  'objectId',
  'bool',
  'date',
  'null',
  'regex',
  'dbPointer',
  'javascript',
  'symbol',
  'javascriptWithScope',
  'int',
  'timestamp',
  'long',
  'decimal',
  'minKey',
  'maxKey',
  'number',
]);

/** bson classes by their `_bsontype`. */
const BSON_CLASS_TYPES: Record<string, string> = {
  ObjectId: 'objectId',
  ObjectID: 'objectId',
  Binary: 'binData',
  Long: 'long',
  Decimal128: 'decimal',
  Double: 'double',
  Int32: 'int',
  Timestamp: 'timestamp',
  BSONRegExp: 'regex',
  BSONSymbol: 'symbol',
  Code: 'javascript',
  MinKey: 'minKey',
  MaxKey: 'maxKey',
  DBRef: 'object',
};

/** The BSON type alias of a value held by the engine. */
export function bsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return 'double';
    return value >= -2147483648 && value <= 2147483647 ? 'int' : 'long';
  }
  if (typeof value === 'bigint') return 'long';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  const tag = (value as { _bsontype?: unknown })._bsontype;
  if (typeof tag === 'string' && BSON_CLASS_TYPES[tag]) return BSON_CLASS_TYPES[tag];
  return 'object';
}

const NUMERIC = new Set(['int', 'long', 'double', 'decimal']);

function hasBsonType(value: unknown, alias: string): boolean {
  const t = bsonTypeOf(value);
  return alias === 'number' ? NUMERIC.has(t) : t === alias;
}

function hasJsonType(value: unknown, name: string): boolean {
  const t = bsonTypeOf(value);
  switch (name) {
    case 'number':
      return NUMERIC.has(t);
    case 'boolean':
      return t === 'bool';
    default:
      return t === name;
  }
}

const fail = (message: string): never => {
  throw new Error(`$jsonSchema: ${message}`);
};

const names = (v: unknown, keyword: string, allowed: Set<string>): string[] => {
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0) fail(`'${keyword}' must name at least one type`);
  for (const n of list) {
    if (typeof n !== 'string' || !allowed.has(n)) {
      fail(`unknown ${keyword} '${String(n)}'${n === 'integer' ? " (use bsonType 'int' or 'long')" : ''}`);
    }
  }
  return list as string[];
};

const count = (v: unknown, keyword: string): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(`'${keyword}' must be a non-negative integer`);
  return v as number;
};

const schemaOf = (v: unknown, keyword: string): Schema => {
  if (!isPlainObject(v)) fail(`'${keyword}' must be an object`);
  return v as Schema;
};

const schemaList = (v: unknown, keyword: string): Check[] => {
  if (!Array.isArray(v) || v.length === 0) fail(`'${keyword}' must be a non-empty array of schemas`);
  return (v as unknown[]).map((s) => compileSchema(schemaOf(s, keyword)));
};

/** Compiles a schema once (refusing what MongoDB refuses) into a check of one value. */
export function compileSchema(schema: Schema): Check {
  for (const k of Object.keys(schema)) {
    if (UNSUPPORTED.has(k)) fail(`keyword '${k}' is not currently supported`);
    if (!KNOWN.has(k)) fail(`unknown keyword: ${k}`);
  }
  if (schema.type !== undefined && schema.bsonType !== undefined) fail("'type' and 'bsonType' cannot both be given");
  const checks: Check[] = [];
  const add = (c: Check) => checks.push(c);

  if (schema.type !== undefined) {
    const types = names(schema.type, 'type', JSON_TYPES);
    add((v) => types.some((t) => hasJsonType(v, t)));
  }
  if (schema.bsonType !== undefined) {
    const types = names(schema.bsonType, 'bsonType', BSON_TYPES);
    add((v) => types.some((t) => hasBsonType(v, t)));
  }
  if (schema.enum !== undefined) {
    if (!Array.isArray(schema.enum) || schema.enum.length === 0) fail("'enum' must be a non-empty array");
    const options = schema.enum as unknown[];
    add((v) => options.some((o) => isEqual(o, v)));
  }
  numberChecks(schema, add);
  stringChecks(schema, add);
  arrayChecks(schema, add);
  objectChecks(schema, add);
  if (schema.allOf !== undefined) {
    const all = schemaList(schema.allOf, 'allOf');
    add((v) => all.every((c) => c(v)));
  }
  if (schema.anyOf !== undefined) {
    const any = schemaList(schema.anyOf, 'anyOf');
    add((v) => any.some((c) => c(v)));
  }
  if (schema.oneOf !== undefined) {
    const one = schemaList(schema.oneOf, 'oneOf');
    add((v) => one.filter((c) => c(v)).length === 1);
  }
  if (schema.not !== undefined) {
    const not = compileSchema(schemaOf(schema.not, 'not'));
    add((v) => !not(v));
  }
  return (v) => checks.every((c) => c(v));
}

function numberChecks(s: Schema, add: (c: Check) => void): void {
  const isNum = (v: unknown): v is number => typeof v === 'number';
  for (const k of ['maximum', 'minimum'] as const) {
    if (s[k] !== undefined && typeof s[k] !== 'number') fail(`'${k}' must be a number`);
  }
  for (const k of ['exclusiveMaximum', 'exclusiveMinimum'] as const) {
    if (s[k] !== undefined && typeof s[k] !== 'boolean') fail(`'${k}' must be a boolean (draft 4)`);
  }
  if (s.exclusiveMaximum !== undefined && s.maximum === undefined) fail("'exclusiveMaximum' needs 'maximum'");
  if (s.exclusiveMinimum !== undefined && s.minimum === undefined) fail("'exclusiveMinimum' needs 'minimum'");
  if (typeof s.maximum === 'number') {
    const max = s.maximum;
    const strict = s.exclusiveMaximum === true;
    add((v) => !isNum(v) || (strict ? v < max : v <= max));
  }
  if (typeof s.minimum === 'number') {
    const min = s.minimum;
    const strict = s.exclusiveMinimum === true;
    add((v) => !isNum(v) || (strict ? v > min : v >= min));
  }
}

function stringChecks(s: Schema, add: (c: Check) => void): void {
  // Lengths count code points, as MongoDB does ("义工" is 2).
  const length = (v: string) => Array.from(v).length;
  if (s.maxLength !== undefined) {
    const max = count(s.maxLength, 'maxLength');
    add((v) => typeof v !== 'string' || length(v) <= max);
  }
  if (s.minLength !== undefined) {
    const min = count(s.minLength, 'minLength');
    add((v) => typeof v !== 'string' || length(v) >= min);
  }
  if (s.pattern !== undefined) {
    if (typeof s.pattern !== 'string') fail("'pattern' must be a string");
    const re = new RegExp(s.pattern as string);
    add((v) => typeof v !== 'string' || re.test(v));
  }
}

function arrayChecks(s: Schema, add: (c: Check) => void): void {
  const arr = (v: unknown): v is unknown[] => Array.isArray(v);
  if (s.maxItems !== undefined) {
    const max = count(s.maxItems, 'maxItems');
    add((v) => !arr(v) || v.length <= max);
  }
  if (s.minItems !== undefined) {
    const min = count(s.minItems, 'minItems');
    add((v) => !arr(v) || v.length >= min);
  }
  if (s.uniqueItems === true) {
    add((v) => !arr(v) || v.every((a, i) => v.findIndex((b) => isEqual(a, b)) === i));
  }
  if (Array.isArray(s.items)) {
    const each = schemaList(s.items, 'items');
    const extra = s.additionalItems;
    const rest: Check | undefined =
      extra === false ? () => false : isPlainObject(extra) ? compileSchema(extra) : undefined;
    add((v) => !arr(v) || v.every((el, i) => (i < each.length ? each[i](el) : rest ? rest(el) : true)));
  } else if (s.items !== undefined) {
    const each = compileSchema(schemaOf(s.items, 'items'));
    add((v) => !arr(v) || v.every(each));
  }
}

function objectChecks(s: Schema, add: (c: Check) => void): void {
  const obj = (v: unknown): v is Record<string, unknown> => bsonTypeOf(v) === 'object';
  if (s.required !== undefined) {
    if (!Array.isArray(s.required) || s.required.length === 0 || s.required.some((r) => typeof r !== 'string')) {
      fail("'required' must be a non-empty array of field names");
    }
    const required = s.required as string[];
    add((v) => !obj(v) || required.every((k) => k in v));
  }
  if (s.maxProperties !== undefined) {
    const max = count(s.maxProperties, 'maxProperties');
    add((v) => !obj(v) || Object.keys(v).length <= max);
  }
  if (s.minProperties !== undefined) {
    const min = count(s.minProperties, 'minProperties');
    add((v) => !obj(v) || Object.keys(v).length >= min);
  }
  const props = new Map<string, Check>();
  if (s.properties !== undefined) {
    for (const [k, sub] of Object.entries(schemaOf(s.properties, 'properties'))) {
      props.set(k, compileSchema(schemaOf(sub, `properties.${k}`)));
    }
  }
  const patterns: [RegExp, Check][] = [];
  if (s.patternProperties !== undefined) {
    for (const [p, sub] of Object.entries(schemaOf(s.patternProperties, 'patternProperties'))) {
      patterns.push([new RegExp(p), compileSchema(schemaOf(sub, `patternProperties.${p}`))]);
    }
  }
  const extra = s.additionalProperties;
  if (extra !== undefined && typeof extra !== 'boolean' && !isPlainObject(extra)) {
    fail("'additionalProperties' must be a boolean or a schema");
  }
  const rest: Check | undefined =
    extra === false ? () => false : isPlainObject(extra) ? compileSchema(extra) : undefined;
  if (props.size > 0 || patterns.length > 0 || rest) {
    add((v) => {
      if (!obj(v)) return true;
      return Object.entries(v).every(([k, val]) => {
        const own = props.get(k);
        const byPattern = patterns.filter(([re]) => re.test(k));
        if (own && !own(val)) return false;
        if (!byPattern.every(([, c]) => c(val))) return false;
        return own || byPattern.length > 0 || !rest ? true : rest(val);
      });
    });
  }
  if (s.dependencies !== undefined) {
    const deps = Object.entries(schemaOf(s.dependencies, 'dependencies')).map(([k, d]): [string, Check] => {
      if (Array.isArray(d)) return [k, (v) => d.every((n) => typeof n === 'string' && n in (v as object))];
      return [k, compileSchema(schemaOf(d, `dependencies.${k}`))];
    });
    add((v) => !obj(v) || deps.every(([k, c]) => !(k in v) || c(v)));
  }
}

/** mingo's `jsonSchemaValidator` option. */
export function jsonSchemaValidator(schema: Record<string, unknown>): (obj: unknown) => boolean {
  return compileSchema(schema);
}
