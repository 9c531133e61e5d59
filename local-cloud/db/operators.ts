/**
 * Operators where mingo 7.2.7 differs from MongoDB (and so from CloudBase):
 * `$stdDevSamp` of fewer than two values is null (mingo: NaN); `$week` counts days before the first Sunday as week 0;
 * `$count` of nothing gives nothing; `$substr`/`$substrBytes` take a negative length as "the rest".
 */
import { evalExpr } from 'mingo/core';
import type { Iterator } from 'mingo/lazy';
import * as accumulatorOps from 'mingo/operators/accumulator';
import * as pipelineOps from 'mingo/operators/pipeline';
import type { Any, AnyObject, Options } from 'mingo/types';
import { isPlainObject } from './codec';

type Accumulator = (coll: AnyObject[], expr: Any, options: Options) => Any;

const stdDevSamp = accumulatorOps.$stdDevSamp as unknown as Accumulator;

export function $stdDevSamp(coll: AnyObject[], expr: Any, options: Options): Any {
  const v = stdDevSamp(coll, expr, options);
  return typeof v === 'number' && Number.isNaN(v) ? null : v;
}

/** Calendar parts of a date in a timezone (IANA name or ±HH:MM offset); UTC by default. */
export function localParts(date: Date, timezone?: string): { year: number; month: number; day: number; wday: number } {
  if (!timezone || timezone === 'UTC' || timezone === 'GMT') {
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      wday: date.getUTCDay(),
    };
  }
  const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(timezone);
  if (offset) {
    const sign = offset[1] === '-' ? -1 : 1;
    return localParts(new Date(date.getTime() + sign * (Number(offset[2]) * 60 + Number(offset[3])) * 60000));
  }
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(date);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  const local = new Date(Date.UTC(get('year'), get('month') - 1, get('day')));
  return { year: get('year'), month: get('month'), day: get('day'), wday: local.getUTCDay() };
}

export function $week(obj: AnyObject, expr: Any, options: Options): Any {
  let dateExpr: Any = expr;
  let timezone: string | undefined;
  if (isPlainObject(expr) && 'date' in expr) {
    dateExpr = expr.date as Any;
    timezone = expr.timezone === undefined ? undefined : String(evalExpr(obj, expr.timezone as Any, options));
  }
  const date = evalExpr(obj, dateExpr, options);
  if (date === null || date === undefined) return null;
  if (!(date instanceof Date)) throw new Error('$week requires a date');
  const p = localParts(date, timezone);
  const yday = Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000);
  return Math.floor((yday + 7 - p.wday) / 7);
}

/** `$indexOfCP`: code-point index of a substring (mingo lacks it). */
export function $indexOfCP(obj: AnyObject, expr: Any, options: Options): Any {
  const args = evalExpr(obj, expr, options) as Any[];
  if (!Array.isArray(args) || args.length < 2) throw new Error('$indexOfCP expects [string, substring, start?, end?]');
  const [str, sub, start, end] = args;
  if (str === null || str === undefined) return null;
  if (typeof str !== 'string' || typeof sub !== 'string') throw new Error('$indexOfCP requires strings');
  const chars = Array.from(str);
  const subChars = Array.from(sub);
  const from = typeof start === 'number' ? start : 0;
  const to = typeof end === 'number' ? Math.min(end, chars.length) : chars.length;
  for (let i = from; i + subChars.length <= to; i++) {
    if (subChars.every((c, j) => chars[i + j] === c)) return i;
  }
  return -1;
}

/**
 * `$substrBytes` and its alias `$substr` (MongoDB): a slice of the string's UTF-8 bytes, clamped to the string; a
 * negative length takes the rest of the string (mingo refuses it). A start or end inside a multi-byte character
 * ("义" is 3 bytes) is an error, with MongoDB's words.
 */
function substrBytes(op: string, obj: AnyObject, expr: Any, options: Options): Any {
  const args = evalExpr(obj, expr, options) as Any[];
  if (!Array.isArray(args) || args.length !== 3) throw new Error(`${op} expects [string, start, length]`);
  const [value, start, length] = args;
  if (value === null || value === undefined) return '';
  const bytes = Buffer.from(String(value), 'utf8');
  const from = Math.min(Math.max(0, Number(start)), bytes.length);
  const to = Number(length) < 0 ? bytes.length : Math.min(bytes.length, from + Number(length));
  const inside = (i: number): boolean => i < bytes.length && (bytes[i] & 0xc0) === 0x80;
  if (inside(from)) throw new Error(`${op}:  Invalid range, starting index is a UTF-8 continuation byte.`);
  if (inside(to)) throw new Error(`${op}:  Invalid range, ending index is in the middle of a UTF-8 character.`);
  return bytes.subarray(from, to).toString('utf8');
}

export const $substr = (obj: AnyObject, expr: Any, options: Options): Any => substrBytes('$substr', obj, expr, options);

export const $substrBytes = (obj: AnyObject, expr: Any, options: Options): Any =>
  substrBytes('$substrBytes', obj, expr, options);

/** `$count` of no documents gives no document in MongoDB (mingo: one with 0). */
export function $count(coll: Iterator, expr: string, options: Options): Iterator {
  return pipelineOps.$count(coll, expr, options).filter((row: AnyObject) => row[expr] !== 0);
}
