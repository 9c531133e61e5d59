/**
 * A pipeline lookup tied to its outer documents through `let` loads only the documents it can join (as an index on
 * the tied field would), with the first `$match`'s plain conditions; the results stay MongoDB's.
 */
import type { AnyObject } from 'mingo/types';
import type { Doc } from '../../../local-cloud/db/codec';
import { runPipeline } from '../../../local-cloud/db/matcher';

const entries: Doc[] = [
  ...Array.from({ length: 50 }, (_x, i) => ({ _id: `x${i}`, person: `q${i}`, status: 'confirmed' })),
  { _id: 'a', person: 'p1', status: 'confirmed' },
  { _id: 'b', person: 'p1', status: 'withdrawn' },
  { _id: 'c', person: 'p2', status: 'confirmed' },
];

function run(stages: AnyObject[], outer: Doc[]) {
  const loads: AnyObject[] = [];
  const load = (_name: string, query: AnyObject) => {
    loads.push(query);
    return entries.filter((d) => Object.entries(query).every(([k, v]) => matches(d[k], v)));
  };
  return { out: runPipeline(outer, stages, load), loads };
}
const matches = (value: unknown, cond: unknown) =>
  typeof cond === 'object' && cond !== null && '$in' in cond ? (cond.$in as unknown[]).includes(value) : value === cond;

const tied = (expr: object) => ({
  $lookup: {
    from: 'entries',
    let: { who: '$_id' },
    pipeline: [{ $match: { status: 'confirmed', $expr: expr } }],
    as: 'mine',
  },
});

test('a tie alone loads the outer values with the plain conditions', () => {
  const { out, loads } = run([tied({ $eq: ['$person', '$$who'] })], [{ _id: 'p1' }, { _id: 'p2' }]);
  expect(loads).toEqual([{ status: 'confirmed', person: { $in: ['p1', 'p2'] } }]);
  expect(out.map((d) => (d.mine as Doc[]).map((e) => e._id))).toEqual([['a'], ['c']]);
});

test('a tie inside $and, variable first, is found too', () => {
  const expr = { $and: [{ $eq: ['$$who', '$person'] }, { $ne: ['$_id', 'zzz'] }] };
  const { out, loads } = run([{ $match: { _id: 'p1' } }, tied(expr)], [{ _id: 'p1' }, { _id: 'p2' }]);
  expect(loads).toEqual([{ status: 'confirmed', person: 'p1' }]);
  expect(out).toEqual([{ _id: 'p1', mine: [entries[50]] }]);
});

test('a let variable that is an expression narrows by its values too', () => {
  const stage = tied({ $eq: ['$person', '$$who'] });
  (stage.$lookup.let as AnyObject).who = { $arrayElemAt: ['$ids', 1] };
  const { out, loads } = run([stage], [{ _id: 'o', ids: ['p1', 'p2'] }]);
  expect(loads).toEqual([{ status: 'confirmed', person: 'p2' }]);
  expect(out).toEqual([{ _id: 'o', ids: ['p1', 'p2'], mine: [entries[52]] }]);
});

test('a variable without a string value for some outer document does not narrow (same results)', () => {
  const { out, loads } = run([tied({ $eq: ['$person', '$$who'] })], [{ _id: 'p1' }, { _id: 7 }]);
  expect(loads).toEqual([{}]);
  expect(out.map((d) => (d.mine as Doc[]).length)).toEqual([1, 0]);
});
