/**
 * What a `$lookup` joins, narrowed as an index would narrow it, so a join reads the few documents it can match
 * instead of parsing the whole collection. The results are the same: the narrowing only drops documents the
 * lookup's own conditions would drop.
 * - `let` + `pipeline` whose first stage is a `$match`: its plain field conditions (never `$$` variables, which
 *   MongoDB only reads inside `$expr`) select the joined documents once per aggregation.
 * - `let` + `pipeline` whose first `$match` ties a field to a variable (`$expr: { $eq: ['$volunteerId', '$$vid'] }`,
 *   alone or inside `$and`, with `let: { vid: '$_id' }` or any expression): the variable's values for the outer
 *   documents select them, with the plain conditions (see `correlatedBy`), as an index on that field would.
 * - `localField` + `foreignField`: the outer documents' local values select them (see `joinedBy`).
 */
import type { AnyObject } from 'mingo/types';
import { isPlainObject, type Doc } from './codec';
import { resolvePath } from './geo';

/** The value of an aggregation expression for a document. */
export type Evaluate = (doc: Doc, expression: unknown) => unknown;

/** Loads the documents of a collection that match a query (in insertion order). */
export type Load = (collection: string, query: AnyObject) => Doc[];

/** The plain field conditions of a `$match` (what an index can answer); undefined when it has none. */
function plainConditions(match: unknown): AnyObject | undefined {
  if (!isPlainObject(match)) return undefined;
  const plain = Object.fromEntries(Object.entries(match).filter(([field]) => !field.startsWith('$')));
  return Object.keys(plain).length > 0 ? plain : undefined;
}

/** Stages with each pipeline lookup's joined collection loaded by its first `$match`'s plain conditions. */
export function narrowPipelineLookups(stages: AnyObject[], load: Load): AnyObject[] {
  return stages.map((stage) => {
    const spec = stage.$lookup;
    if (!isPlainObject(spec) || typeof spec.from !== 'string' || !Array.isArray(spec.pipeline)) return stage;
    const pipeline = narrowPipelineLookups(spec.pipeline as AnyObject[], load);
    const plain = plainConditions((pipeline[0] as AnyObject | undefined)?.$match);
    const narrowed = spec.localField === undefined && !tieOf(spec) && plain ? load(spec.from, plain) : spec.from;
    return { $lookup: { ...spec, from: narrowed, pipeline } };
  });
}

/**
 * For a `localField` + `foreignField` lookup of a named collection, the documents its outer documents can join,
 * when every local value is a string (else undefined: the whole collection).
 */
export function joinedBy(spec: unknown, outer: Doc[], load: Load): Doc[] | undefined {
  if (!isPlainObject(spec) || typeof spec.from !== 'string') return undefined;
  const { localField, foreignField } = spec;
  if (typeof localField !== 'string' || typeof foreignField !== 'string') return undefined;
  const values = new Set<unknown>();
  for (const doc of outer) {
    const local = resolvePath(doc, localField);
    for (const v of Array.isArray(local) ? local : [local]) values.add(v);
  }
  const keys = [...values];
  if (!keys.every((v): v is string => typeof v === 'string')) return undefined;
  return load(spec.from, { [foreignField]: keys.length === 1 ? keys[0] : { $in: keys } });
}

/** The field a pipeline lookup's first `$match` ties to a `let` variable, and that variable's expression. */
export function tieOf(spec: unknown): { field: string; value: unknown } | undefined {
  if (!isPlainObject(spec) || !isPlainObject(spec.let) || !Array.isArray(spec.pipeline)) return undefined;
  const vars = spec.let;
  const first = spec.pipeline[0] as AnyObject | undefined;
  const expr = isPlainObject(first?.$match) ? (first.$match as AnyObject).$expr : undefined;
  const terms = isPlainObject(expr) && Array.isArray(expr.$and) ? (expr.$and as unknown[]) : [expr];
  for (const term of terms) {
    const pair = isPlainObject(term) && Array.isArray(term.$eq) ? (term.$eq as unknown[]) : [];
    if (pair.length !== 2 || !pair.every((x): x is string => typeof x === 'string')) continue;
    const field = pair.find((x) => /^\$[^$]/.test(x));
    const variable = pair.find((x) => x.startsWith('$$'));
    const value = variable ? vars[variable.slice(2)] : undefined;
    if (field && value !== undefined) return { field: field.slice(1), value };
  }
  return undefined;
}

/**
 * For a pipeline lookup tied to its outer documents (see `tieOf`), the documents they can join: the tied field
 * among their values, with the first `$match`'s plain conditions; undefined when a value is not a string.
 */
export function correlatedBy(spec: unknown, outer: Doc[], load: Load, evaluate: Evaluate): Doc[] | undefined {
  const tie = tieOf(spec);
  if (!tie || !isPlainObject(spec) || typeof spec.from !== 'string') return undefined;
  const keys = [...new Set(outer.map((doc) => evaluate(doc, tie.value)))];
  if (!keys.every((v): v is string => typeof v === 'string')) return undefined;
  const plain = plainConditions((spec.pipeline as AnyObject[])[0].$match) ?? {};
  return load(spec.from, { ...plain, [tie.field]: keys.length === 1 ? keys[0] : { $in: keys } });
}
