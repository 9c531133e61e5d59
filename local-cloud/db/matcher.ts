/**
 * MongoDB semantics from mingo, plus the geo operators, `$elemMatch` on embedded documents and plain values, and
 * `$jsonSchema` (./json-schema).
 */
import { Aggregator } from 'mingo/aggregator';
import { Context } from 'mingo/core';
import * as accumulatorOps from 'mingo/operators/accumulator';
import * as expressionOps from 'mingo/operators/expression';
import * as pipelineOps from 'mingo/operators/pipeline';
import * as projectionOps from 'mingo/operators/projection';
import * as queryOps from 'mingo/operators/query';
import * as windowOps from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { AnyObject, JsonSchemaValidator } from 'mingo/types';
import { resolve } from 'mingo/util';
import { isPlainObject, type Doc } from './codec';
import { $count, $indexOfCP, $stdDevSamp, $substr, $substrBytes, $week } from './operators';
import { jsonSchemaValidator } from './json-schema';
import { correlatedBy, joinedBy, narrowPipelineLookups, tieOf, type Load } from './lookup';
import { $geoIntersects, $geoWithin, $nearSphere, distanceOf, findNear, parseNear, resolvePath } from './geo';

type QueryOps = Parameters<Context['addQueryOps']>[0];
type QueryOp = QueryOps[keyof QueryOps];

/**
 * `_.elemMatch` as in MongoDB (CloudBase documents both forms): conditions on the elements themselves
 * (`scores: _.elemMatch(_.gt(80).lt(100))`) test every element; a document query (`places: _.elemMatch({ area: … })`)
 * tests the embedded documents (and arrays) only, so a plain value never matches `{ area: null }`.
 */
function $elemMatch(selector: string, value: unknown): (obj: unknown) => boolean {
  if (!isPlainObject(value)) throw new Error('$elemMatch needs an object');
  const keys = Object.keys(value);
  const onValues = isSdkCommand(value) || (keys.length > 0 && keys.every((k) => k.startsWith('$') && !LOGICAL.has(k)));
  const inner = new Query((onValues ? fieldQuery('v', value) : documentQuery(value)) as AnyObject, options);
  const test = onValues
    ? (el: unknown) => inner.test({ v: el })
    : (el: unknown) => (isPlainObject(el) || Array.isArray(el)) && inner.test(el as AnyObject);
  return (obj) => {
    const arr = resolve(obj as AnyObject, selector, { unwrapArray: true });
    return Array.isArray(arr) && arr.some(test);
  };
}

const LOGICAL = new Set(['$and', '$or', '$nor']);

/**
 * @cloudbase/database 1.4.3 does not encode a chained or logic command inside `_.elemMatch`
 * (`_.gt(80).lt(100)`, `_.not(…)`, `_.or(…)`): it sends the command object itself,
 * `{ operator: 'and', operands: [{ operator: 'gt', operands: [80] } | { $gt: 80 }, …], fieldName }`.
 */
type SdkCommand = { operator: string; operands: unknown[] };

function isSdkCommand(v: unknown): v is SdkCommand {
  return (
    isPlainObject(v) &&
    typeof v.operator === 'string' &&
    Array.isArray(v.operands) &&
    Object.keys(v).every((k) => k === 'operator' || k === 'operands' || k === 'fieldName')
  );
}

/** The query "`field` satisfies `cond`", for a condition given as operators or as an SDK command. */
function fieldQuery(field: string, cond: unknown): AnyObject {
  if (!isSdkCommand(cond)) return { [field]: cond };
  const { operator, operands } = cond;
  if (operator === 'and' || operator === 'or' || operator === 'nor') {
    return { [`$${operator}`]: operands.map((o) => fieldQuery(field, o)) };
  }
  if (operator === 'not') return { $nor: [fieldQuery(field, operands[0])] };
  return { [field]: { [operator === 'neq' ? '$ne' : `$${operator}`]: operands[0] } };
}

/** A document query whose field conditions may be SDK commands. */
function documentQuery(query: Record<string, unknown>): AnyObject {
  const parts = Object.entries(query).map(([k, v]) => (isSdkCommand(v) ? fieldQuery(k, v) : { [k]: v }));
  return parts.length === 1 ? parts[0] : { $and: parts };
}

/** mingo's operators with MongoDB's `$elemMatch` and the geo operators (the first registration of a name wins). */
const context: Context = Context.init({
  accumulator: { ...accumulatorOps, $stdDevSamp } as typeof accumulatorOps,
  expression: { ...expressionOps, $week, $indexOfCP, $substr, $substrBytes } as typeof expressionOps,
  pipeline: { ...pipelineOps, $count } as typeof pipelineOps,
  projection: projectionOps,
  query: {
    ...queryOps,
    $elemMatch: $elemMatch as unknown as QueryOp,
    $nearSphere: $nearSphere as unknown as QueryOp,
    $near: $nearSphere as unknown as QueryOp,
    $geoWithin: $geoWithin as unknown as QueryOp,
    $geoIntersects: $geoIntersects as unknown as QueryOp,
  } as QueryOps,
  window: windowOps,
});

/** What every query and pipeline runs with: the operators above and the `$jsonSchema` validator. */
const options = { context, jsonSchemaValidator: jsonSchemaValidator as JsonSchemaValidator };

export type Matcher = (doc: Doc) => boolean;

export function compileQuery(query: unknown): Matcher {
  if (!isPlainObject(query) || Object.keys(query).length === 0) return () => true;
  const q = new Query(query as AnyObject, options);
  return (doc) => q.test(doc as AnyObject);
}

/** Orders documents: explicit order wins; else `$nearSphere` distance; else insertion order (as given). */
export function orderDocs(docs: Doc[], query: unknown, order: Record<string, number> | undefined): Doc[] {
  if (order && Object.keys(order).length > 0) {
    return new Aggregator([{ $sort: order }], options).run(docs as AnyObject[]) as Doc[];
  }
  const near = findNear(query);
  if (near) {
    const keyed = docs.map((d, i) => ({ d, i, dist: distanceOf(d, near.path, near.near.center) }));
    keyed.sort((a, b) => a.dist - b.dist || a.i - b.i);
    return keyed.map((k) => k.d);
  }
  return docs;
}

export function projectDocs(docs: Doc[], projection: unknown): Doc[] {
  if (!isPlainObject(projection) || Object.keys(projection).length === 0) return docs;
  return new Aggregator([{ $project: projection }], options).run(docs as AnyObject[]) as Doc[];
}

/** An aggregation expression's value for one document (a lookup's `let` variable). */
const evaluate = (doc: Doc, expression: unknown): unknown =>
  (new Aggregator([{ $project: { _id: 0, v: expression } }], options).run([doc as AnyObject])[0] as AnyObject)?.v;

/**
 * Runs an aggregation pipeline; `load` reads another collection for `$lookup` (narrowed as an index would:
 * see ./lookup). A `localField` lookup runs after the stages before it, so it knows the values it joins on.
 */
export function runPipeline(docs: Doc[], stages: AnyObject[], load: Load): Doc[] {
  let input = docs;
  let rest = stages;
  if (rest.length > 0 && rest[0].$geoNear !== undefined) {
    input = geoNearStage(input, rest[0].$geoNear);
    rest = rest.slice(1);
  }
  if (rest.some((s) => s.$geoNear !== undefined)) throw new Error('$geoNear is only valid as the first stage');
  const runOptions = { ...options, collectionResolver: (name: string) => load(name, {}) as AnyObject[] };
  let segment: AnyObject[] = [];
  const flush = () => {
    if (segment.length > 0) input = new Aggregator(segment, runOptions).run(input as AnyObject[]) as Doc[];
    segment = [];
  };
  for (const stage of narrowPipelineLookups(rest, load)) {
    if (isPlainObject(stage.$lookup) && typeof stage.$lookup.localField === 'string') {
      flush();
      const joined = joinedBy(stage.$lookup, input, load);
      segment.push(joined ? { $lookup: { ...stage.$lookup, from: joined } } : stage);
    } else if (tieOf(stage.$lookup)) {
      flush();
      const joined = correlatedBy(stage.$lookup, input, load, evaluate);
      segment.push(joined ? { $lookup: { ...(stage.$lookup as AnyObject), from: joined } } : stage);
    } else {
      segment.push(stage);
    }
  }
  flush();
  return input;
}

function geoNearStage(docs: Doc[], spec: unknown): Doc[] {
  if (!isPlainObject(spec)) throw new Error('$geoNear needs an object');
  const near = parseNear({
    $geometry: spec.near,
    $minDistance: spec.minDistance,
    $maxDistance: spec.maxDistance,
  });
  const key = typeof spec.key === 'string' ? spec.key : findPointField(docs);
  const match = compileQuery(spec.query);
  const multiplier = typeof spec.distanceMultiplier === 'number' ? spec.distanceMultiplier : 1;
  const rows: { d: Doc; dist: number; i: number }[] = [];
  docs.forEach((d, i) => {
    if (!match(d)) return;
    const dist = distanceOf(d, key, near.center);
    if (!Number.isFinite(dist)) return;
    if (near.minDistance !== undefined && dist < near.minDistance) return;
    if (near.maxDistance !== undefined && dist > near.maxDistance) return;
    rows.push({ d, dist, i });
  });
  rows.sort((a, b) => a.dist - b.dist || a.i - b.i);
  return rows.map(({ d, dist }) => {
    const out: Doc = { ...d };
    if (typeof spec.distanceField === 'string') setPath(out, spec.distanceField, dist * multiplier);
    if (typeof spec.includeLocs === 'string') setPath(out, spec.includeLocs, resolvePath(d, key));
    return out;
  });
}

function findPointField(docs: Doc[]): string {
  for (const d of docs) {
    for (const [k, v] of Object.entries(d)) {
      if (isPlainObject(v) && v.type === 'Point') return k;
    }
  }
  return 'location';
}

function setPath(obj: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur: Doc = obj;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    cur[part] = isPlainObject(next) ? { ...next } : {};
    cur = cur[part] as Doc;
  }
  cur[parts[parts.length - 1]] = value;
}
