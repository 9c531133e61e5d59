/**
 * Which index entries can hold the documents a query matches: the conditions of the query's top level (and of its
 * `$and`) on indexed fields — equality, `$eq`, `$in`, `$gt`/`$gte`/`$lt`/`$lte` — each as the key terms it selects.
 * A plan only narrows: the matcher still tests every candidate, so a plan may select more than matches, never less.
 */
import { isPlainObject } from './codec';
import { T, scalarKey, type Key, type KeyValue } from './keys';

/** One type's keys: all of them, one value, or a range. */
export interface Term {
  t: number;
  eq?: KeyValue[];
  lo?: KeyValue;
  loInc?: boolean;
  hi?: KeyValue;
  hiInc?: boolean;
}

export interface Condition {
  field: string;
  terms: Term[];
}

export function conditions(query: unknown, indexed: ReadonlySet<string>): Condition[] {
  if (!isPlainObject(query)) return [];
  const out: Condition[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) out.push(...conditions(part, indexed));
      continue;
    }
    if (key.startsWith('$') || !indexed.has(key)) continue;
    const terms = fieldTerms(value);
    if (terms) out.push({ field: key, terms });
  }
  return out;
}

function fieldTerms(value: unknown): Term[] | undefined {
  if (!isPlainObject(value)) return Array.isArray(value) || value instanceof RegExp ? undefined : equalTerms(value);
  const ops = Object.keys(value);
  if (ops.length === 0 || !ops.every((op) => op.startsWith('$'))) return undefined;
  if ('$eq' in value) return equalTerms(value.$eq);
  if (Array.isArray(value.$in)) return inTerms(value.$in);
  return rangeTerms(value);
}

/** Equality to null also matches a missing field (mingo's and MongoDB's `{ f: null }`). */
function equalTerms(v: unknown): Term[] | undefined {
  if (Array.isArray(v) || isPlainObject(v) || v instanceof RegExp) return undefined;
  const key = scalarKey(v);
  if (!key) return undefined;
  if (key.t === T.NULL) return [{ t: T.NULL }];
  return [{ t: key.t, eq: [key.k] }];
}

function inTerms(values: unknown[]): Term[] | undefined {
  const byType = new Map<number, Term>();
  for (const v of values) {
    const terms = equalTerms(v);
    if (!terms) return undefined;
    for (const term of terms) {
      const seen = byType.get(term.t);
      if (!seen) byType.set(term.t, { ...term, eq: term.eq && [...term.eq] });
      else if (seen.eq && term.eq) seen.eq.push(...term.eq);
      else delete seen.eq;
    }
  }
  return [...byType.values()];
}

/** Range operators compare values of the same type only, so a range selects keys of its bound's type. */
function rangeTerms(value: Record<string, unknown>): Term[] | undefined {
  const bounds: [string, Key][] = [];
  for (const op of ['$gt', '$gte', '$lt', '$lte']) {
    if (!(op in value)) continue;
    const key = scalarKey(value[op]);
    if (key && key.t !== T.NULL) bounds.push([op, key]);
  }
  if (bounds.length === 0) return undefined;
  const t = bounds[0][1].t;
  const term: Term = { t };
  for (const [op, key] of bounds) {
    if (key.t !== t) continue;
    if (op === '$gt' || op === '$gte') Object.assign(term, { lo: key.k, loInc: op === '$gte' });
    else Object.assign(term, { hi: key.k, hiInc: op === '$lte' });
  }
  return [term];
}

/** The one key an equality condition selects (null standing for null or missing), if it is one. */
export function singleKey(cond: Condition): Key | undefined {
  if (cond.terms.length !== 1) return undefined;
  const [term] = cond.terms;
  if (term.lo !== undefined || term.hi !== undefined) return undefined;
  if (term.t === T.NULL && !term.eq) return { t: T.NULL, k: 0 };
  return term.eq?.length === 1 ? { t: term.t, k: term.eq[0] } : undefined;
}
