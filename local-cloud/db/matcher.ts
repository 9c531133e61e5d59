/**
 * MongoDB semantics from mingo, plus the geo operators and CloudBase's stricter `$elemMatch`.
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
import type { AnyObject } from 'mingo/types';
import { isPlainObject, type Doc } from './codec';
import { $count, $indexOfCP, $stdDevSamp, $substr, $week } from './operators';
import { correlatedBy, joinedBy, narrowPipelineLookups, tieOf, type Load } from './lookup';
import { $geoIntersects, $geoWithin, $nearSphere, distanceOf, findNear, parseNear, resolvePath } from './geo';

type QueryOps = Parameters<Context['addQueryOps']>[0];
type QueryOp = QueryOps[keyof QueryOps];

/** `_.elemMatch` matches only arrays of embedded documents (CloudBase). */
function $elemMatchDocs(selector: string, value: unknown): (obj: unknown) => boolean {
  const logical = new Set(['$and', '$or', '$nor', '$expr', '$where']);
  const keys = isPlainObject(value) ? Object.keys(value) : [];
  // A condition on the elements themselves (`_.elemMatch(_.gt(2))`) matches no embedded document.
  if (keys.some((k) => k.startsWith('$') && !logical.has(k))) return () => false;
  const inner = new Query(value as AnyObject, { context });
  return (obj) => {
    const arr = resolvePath(obj, selector);
    return Array.isArray(arr) && arr.some((el) => isPlainObject(el) && inner.test(el as AnyObject));
  };
}

/** mingo's operators with CloudBase's `$elemMatch` and the geo operators (the first registration of a name wins). */
const context: Context = Context.init({
  accumulator: { ...accumulatorOps, $stdDevSamp } as typeof accumulatorOps,
  expression: { ...expressionOps, $week, $indexOfCP, $substr } as typeof expressionOps,
  pipeline: { ...pipelineOps, $count } as typeof pipelineOps,
  projection: projectionOps,
  query: {
    ...queryOps,
    $elemMatch: $elemMatchDocs as unknown as QueryOp,
    $nearSphere: $nearSphere as unknown as QueryOp,
    $near: $nearSphere as unknown as QueryOp,
    $geoWithin: $geoWithin as unknown as QueryOp,
    $geoIntersects: $geoIntersects as unknown as QueryOp,
  } as QueryOps,
  window: windowOps,
});

export type Matcher = (doc: Doc) => boolean;

export function compileQuery(query: unknown): Matcher {
  if (!isPlainObject(query) || Object.keys(query).length === 0) return () => true;
  const q = new Query(query as AnyObject, { context });
  return (doc) => q.test(doc as AnyObject);
}

/** Orders documents: explicit order wins; else `$nearSphere` distance; else insertion order (as given). */
export function orderDocs(docs: Doc[], query: unknown, order: Record<string, number> | undefined): Doc[] {
  if (order && Object.keys(order).length > 0) {
    return new Aggregator([{ $sort: order }], { context }).run(docs as AnyObject[]) as Doc[];
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
  return new Aggregator([{ $project: projection }], { context }).run(docs as AnyObject[]) as Doc[];
}

/** An aggregation expression's value for one document (a lookup's `let` variable). */
const evaluate = (doc: Doc, expression: unknown): unknown =>
  (new Aggregator([{ $project: { _id: 0, v: expression } }], { context }).run([doc as AnyObject])[0] as AnyObject)?.v;

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
  const options = { context, collectionResolver: (name: string) => load(name, {}) as AnyObject[] };
  let segment: AnyObject[] = [];
  const flush = () => {
    if (segment.length > 0) input = new Aggregator(segment, options).run(input as AnyObject[]) as Doc[];
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
