/**
 * Indexes change how many documents a query reads, never what it answers: the same writes and reads against a
 * database with declared indexes and one without give identical replies (a randomized workload, INDEX_SEED), and a
 * range with orderBy + limit on an indexed field reads a page's worth of documents, not the collection.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { EJSON } from 'bson';
import type { CollectionSpec } from '../../../database/collections';
import { LocalDatabase } from '../../../local-cloud/db';
import { Store } from '../../../local-cloud/db/store';
import { seededRandom } from '../../helpers/random';

const NOW = Date.UTC(2026, 11, 1);
const WITH: CollectionSpec = {
  name: 'things',
  description: 'test',
  indexes: [
    { name: 'n', keys: { n: 1 } },
    { name: 'b_a', keys: { b: 1, a: -1 } },
    { name: 'c_d', keys: { 'c.d': 1 } },
    { name: 's', keys: { s: 1 } },
    { name: 'b_n', keys: { b: 1, n: 1 } },
    { name: 's_b_n', keys: { s: 1, b: 1, n: -1 } },
  ],
};

const open = (spec: CollectionSpec, file = ':memory:') =>
  LocalDatabase.open({ file, collections: [spec], now: () => NOW });
const enc = (v: unknown) => EJSON.stringify(v as object, { relaxed: false });
const parsed = (text: string) => EJSON.parse(text) as Record<string, unknown>;

function get(db: LocalDatabase, query: object, order?: object, offset = 0, limit = 20) {
  const reply = db.handle('database.getDocument', {
    collectionName: 'things',
    query: enc(query),
    order: order ? enc(order) : undefined,
    offset,
    limit,
  }) as { list: string[] };
  return reply.list;
}

const STRINGS = ['', 'a', 'b', 'ab', '镇', '中山', '\u{1F600}', '\uFFFF', 'A', 'z'];
const DAYS = [0, 1, 2, 3].map((d) => new Date(NOW + d * 86_400_000));

function workload(seed: number) {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const scalar = (): unknown =>
    pick([
      () => Math.floor(r() * 7) - 2,
      () => r() * 5,
      () => pick(STRINGS),
      () => pick(DAYS),
      () => r() < 0.5,
      () => null,
    ])();
  const mixed = (): unknown =>
    pick([
      scalar,
      scalar,
      () => [scalar(), scalar()],
      () => [],
      () => [[scalar()]],
      () => ({ x: scalar() }),
      () => NaN,
    ])();
  const doc = (i: number) => {
    const d: Record<string, unknown> = { _id: `d${i}`, b: Math.floor(r() * 4) };
    if (r() < 0.85) d.n = scalar();
    if (r() < 0.85) d.a = mixed();
    if (r() < 0.8) d.c = r() < 0.7 ? { d: scalar() } : [{ d: scalar() }, { d: scalar() }, {}];
    if (r() < 0.9) d.s = pick(STRINGS);
    return d;
  };
  const field = () => pick(['n', 'a', 'b', 'c.d', 's', 'x']);
  const cond = (): unknown => {
    const v = scalar();
    return pick([
      () => v,
      () => ({ $eq: v }),
      () => ({ $in: [scalar(), scalar(), null] }),
      () => ({ $in: [scalar(), scalar()] }),
      () => ({ $gt: v }),
      () => ({ $gte: v, $lt: scalar() }),
      () => ({ $lte: v }),
      () => ({ $ne: v }),
      () => ({ $exists: r() < 0.5 }),
    ])();
  };
  const query = (): object => {
    const q: Record<string, unknown> = {};
    const n = Math.floor(r() * 3);
    for (let i = 0; i < n; i++) q[field()] = cond();
    if (r() < 0.2) q.$and = [{ [field()]: cond() }, { [field()]: cond() }];
    if (r() < 0.1) q.$or = [{ [field()]: cond() }, { [field()]: cond() }];
    return q;
  };
  const order = (): object | undefined => {
    if (r() < 0.2) return undefined;
    const o: Record<string, number> = { [pick(['n', 's', 'b', 'a', 'c.d', '_id'])]: r() < 0.5 ? 1 : -1 };
    if (r() < 0.5) o[pick(['b', 's', '_id'])] = r() < 0.5 ? 1 : -1;
    return o;
  };
  return { r, pick, doc, query, order, scalar };
}

test('indexed and unindexed databases answer a random workload identically', () => {
  const seed = Number(process.env.INDEX_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`index equivalence: INDEX_SEED=${seed}`);
  const w = workload(seed);
  const paths = (['ordered', 'orderedWithin', 'orderedCompound', 'candidates'] as const).map((m) =>
    jest.spyOn(Store.prototype, m),
  );
  const dbs = [open(WITH), open({ ...WITH, indexes: [] })];
  const both = (action: string, params: Record<string, unknown>) => {
    const [x, y] = dbs.map((db) => {
      try {
        return db.handle(action, { collectionName: 'things', ...params });
      } catch (err) {
        return { error: (err as Error).message };
      }
    });
    expect(x).toEqual(y);
    return x;
  };
  const docs = Array.from({ length: 250 }, (_x, i) => w.doc(i));
  both('database.insertDocument', { data: docs.map(enc) });
  for (let i = 0; i < 60; i++) {
    const f = w.pick(['n', 'a', 's', 'c']);
    const data = { $set: { [f]: f === 'n' ? w.scalar() : w.pick([w.scalar(), { d: w.scalar() }]) } };
    both('database.modifyDocument', { query: enc(w.query()), data: enc(data), multi: w.r() < 0.5 });
    if (i % 6 === 0) both('database.removeDocument', { query: enc(w.query()), multi: false });
  }
  for (let i = 0; i < 200; i++) {
    // One in four asks what a compound index answers: an equality on its prefix, ordered by its last field.
    const fixed = w.r() < 0.25;
    const q = fixed
      ? { ...w.query(), b: w.pick([0, 1, 2, 3]), ...(w.r() < 0.5 ? { s: w.pick(STRINGS) } : {}) }
      : w.query();
    const o = fixed ? { n: w.pick([1, -1]) } : w.order();
    const offset = w.pick([0, 0, 3, 50]);
    const limit = w.pick([1, 5, 20, 1000]);
    const context = `query ${enc(q)} order ${enc(o ?? {})} offset ${offset} limit ${limit}`;
    const [x, y] = dbs.map((db) => get(db, q, o, offset, limit));
    expect({ context, list: x }).toEqual({ context, list: y });
    both('database.calculateDocument', { query: enc(q) });
  }
  // Every way of reading through the indexes took part.
  console.log(`plans used: ${paths.map((p) => p.mock.calls.length).join(', ')}`);
  for (const p of paths) expect(p).toHaveBeenCalled();
  for (const p of paths) p.mockRestore();
});

test('keys order as mingo sorts: null = missing < numbers < strings (code units) < booleans < dates', () => {
  const values: unknown[] = [null, -0, 0, -3.5, 7, '', 'a', '\u{1F600}', '\uFFFF', '中', true, false, ...DAYS];
  const docs = values.map((n, i) => ({ _id: `v${i}`, n }));
  docs.push({ _id: 'missing' } as { _id: string; n: unknown });
  const dbs = [open(WITH), open({ ...WITH, indexes: [] })];
  for (const db of dbs) db.handle('database.insertDocument', { collectionName: 'things', data: docs.map(enc) });
  for (const dir of [1, -1]) {
    for (let limit = 1; limit <= docs.length; limit++) {
      const [x, y] = dbs.map((db) => get(db, {}, { n: dir }, 0, limit).map((t) => parsed(t)._id));
      expect(x).toEqual(y);
    }
    const all = get(dbs[0], {}, { n: dir }, 0, 1000).map((t) => parsed(t)._id);
    const ascending = dir > 0 ? all : [...all].reverse();
    expect(ascending.indexOf('v0')).toBeLessThan(ascending.indexOf('v3'));
    expect(ascending.indexOf('v3')).toBeLessThan(ascending.indexOf('v6'));
    expect(ascending.indexOf('v7')).toBeLessThan(ascending.indexOf('v8')); // U+D83D… before U+FFFF
    expect(ascending.indexOf('v10')).toBeLessThan(ascending.indexOf('v12'));
  }
});

test('a range with orderBy and limit 20 reads about a page of documents out of 5,000', () => {
  const db = open(WITH);
  const data = Array.from({ length: 5000 }, (_x, i) => enc({ _id: `d${i}`, n: (i * 7919) % 5000, b: i % 4 }));
  db.handle('database.insertDocument', { collectionName: 'things', data });
  const parse = jest.spyOn(Store.prototype, 'parse');
  const list = get(db, { n: { $gte: 1000 }, b: { $in: [0, 1, 2, 3] } }, { n: -1 }, 0, 20);
  expect(list.map((t) => parsed(t).n)).toEqual(Array.from({ length: 20 }, (_x, i) => 4999 - i));
  expect(parse.mock.calls.length).toBeLessThanOrEqual(21);
  parse.mockClear();
  const compound = get(db, { b: 2, n: { $lt: 3000 } }, { n: -1 }, 0, 20);
  expect(compound.map((t) => parsed(t).n)).toEqual(Array.from({ length: 20 }, (_x, i) => 2998 - 4 * i));
  expect(parse.mock.calls.length).toBeLessThanOrEqual(21);
  parse.mockClear();
  const equal = get(db, { n: 1234 }, undefined, 0, 20);
  expect(equal.map((t) => parsed(t).n)).toEqual([1234]);
  expect(parse.mock.calls.length).toBe(1);
  parse.mockRestore();
});

test('an existing data file gains the keys of a newly declared index, and loses those of a removed one', () => {
  const file = `${tmpdir()}/index-plans-${process.pid}.sqlite`;
  const before = open({ ...WITH, indexes: [] }, file);
  before.handle('database.insertDocument', {
    collectionName: 'things',
    data: [enc({ _id: 'x', n: 2 }), enc({ _id: 'y', n: 1 })],
  });
  before.close();
  const after = open(WITH, file);
  const parse = jest.spyOn(Store.prototype, 'parse');
  expect(get(after, { n: 1 }).map((t) => parsed(t)._id)).toEqual(['y']);
  expect(parse.mock.calls.length).toBe(1);
  parse.mockRestore();
  after.close();
  const again = open({ ...WITH, indexes: [] }, file);
  expect(get(again, {}, { n: 1 }).map((t) => parsed(t)._id)).toEqual(['y', 'x']);
  again.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
});
