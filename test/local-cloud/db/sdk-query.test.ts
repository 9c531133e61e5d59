/**
 * Queries, writes and update operators through the unmodified wx-server-sdk 4.0.2 over HTTP.
 */
import { startHarness, type Harness } from './harness';

let h: Harness;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let _: any;

beforeAll(async () => {
  h = await startHarness([
    { name: 'items', indexes: [] },
    { name: 'paged', indexes: [] },
    { name: 'upd', indexes: [] },
  ]);
  _ = h.wdb.command;
  const items = [
    { _id: 'i1', n: 1, tags: ['a', 'b'], name: '义工张三', sub: { x: 1 }, arr: [{ k: 1 }, { k: 5 }], scores: [3, 9] },
    { _id: 'i2', n: 2, tags: ['b'], name: 'Alice', sub: { x: 2 }, arr: [{ k: 2 }], scores: [1] },
    { _id: 'i3', n: 3, tags: [], name: 'bob', arr: [], scores: [] },
    { _id: 'i4', n: 4, tags: ['c', 'a', 'b'], name: '博爱义工', sub: { x: 4 }, opt: null },
  ];
  await h.wdb.collection('items').add({ data: items });
});
afterAll(() => h.close());

async function ids(where: unknown): Promise<string[]> {
  const res = await h.wdb.collection('items').where(where).get();
  return res.data.map((d: { _id: string }) => d._id);
}

test('comparison and logical commands', async () => {
  expect(await ids({ n: _.eq(2) })).toEqual(['i2']);
  expect(await ids({ n: _.neq(2) })).toEqual(['i1', 'i3', 'i4']);
  expect(await ids({ n: _.gt(2) })).toEqual(['i3', 'i4']);
  expect(await ids({ n: _.gte(2) })).toEqual(['i2', 'i3', 'i4']);
  expect(await ids({ n: _.lt(2) })).toEqual(['i1']);
  expect(await ids({ n: _.lte(2) })).toEqual(['i1', 'i2']);
  expect(await ids({ n: _.in([1, 4]) })).toEqual(['i1', 'i4']);
  expect(await ids({ n: _.nin([1, 4]) })).toEqual(['i2', 'i3']);
  expect(await ids({ n: _.gt(1).and(_.lt(4)) })).toEqual(['i2', 'i3']);
  expect(await ids(_.or([{ n: 1 }, { name: 'bob' }]))).toEqual(['i1', 'i3']);
  expect(await ids(_.nor([{ n: 1 }, { name: 'bob' }]))).toEqual(['i2', 'i4']);
  expect(await ids({ 'sub.x': _.not(_.gt(1)) })).toEqual(['i1', 'i3']);
  expect(await ids({ sub: _.exists(false) })).toEqual(['i3']);
  expect(await ids({ tags: _.size(1) })).toEqual(['i2']);
  expect(await ids({ tags: _.all(['a', 'b']) })).toEqual(['i1', 'i4']);
  expect(await ids({ tags: 'a' })).toEqual(['i1', 'i4']);
  expect(await ids({ arr: _.elemMatch({ k: _.gt(3) }) })).toEqual(['i1']);
  // elemMatch also matches arrays of plain values (CloudBase documents both; see sdk-fidelity.test.ts)
  expect(await ids({ scores: _.elemMatch(_.gt(2)) })).toEqual(['i1']);
  expect(await ids({ n: _.mod([2, 0]) })).toEqual(['i2', 'i4']);
  expect(await ids(_.expr(h.wdb.command.aggregate.gt(['$n', 2])))).toEqual(['i3', 'i4']);
  expect(await ids({ sub: { x: 2 } })).toEqual(['i2']);
  expect(await ids({ opt: null })).toEqual(['i1', 'i2', 'i3', 'i4']);
});

test('regex: literal, db.RegExp and Chinese', async () => {
  expect(await ids({ name: /^ali/i })).toEqual(['i2']);
  expect(await ids({ name: h.wdb.RegExp({ regexp: 'B', options: 'i' }) })).toEqual(['i3']);
  expect(await ids({ name: h.wdb.RegExp({ regexp: '义工' }) })).toEqual(['i1', 'i4']);
  expect(await ids({ name: /义工$/ })).toEqual(['i4']);
});

test('orderBy, skip, limit, field, count; 100 default and 1000 cap', async () => {
  const c = h.wdb.collection('items');
  const res = await c.orderBy('n', 'desc').skip(1).limit(2).field({ n: true }).get();
  expect(res.data).toEqual([
    { _id: 'i3', n: 3 },
    { _id: 'i2', n: 2 },
  ]);
  expect((await c.where({ n: _.gt(1) }).count()).total).toBe(3);

  const paged = h.wdb.collection('paged');
  const many = Array.from({ length: 1001 }, (_v, i) => ({ i }));
  const added = await paged.add({ data: many });
  expect(added._ids).toHaveLength(1001);
  expect((await paged.get()).data).toHaveLength(100);
  expect((await paged.limit(5000).get()).data).toHaveLength(1000);
  const last = await paged.skip(1000).get();
  expect(last.data.map((d: { i: number }) => d.i)).toEqual([1000]);
  expect(() => h.db.handle('database.getDocument', { collectionName: 'paged', limit: 1001 })).toThrow(/1000/);
});

test('add, doc get (missing), set, update, remove, Date round trip', async () => {
  const c = h.wdb.collection('upd');
  const when = new Date(Date.UTC(2026, 1, 3, 4, 5, 6, 7));
  const { _id } = await c.add({ data: { a: 1, when, nested: { list: [{ at: when }] } } });
  expect(_id).toMatch(/^[0-9a-f]{32}$/);
  const got = (await c.doc(_id).get()).data;
  expect(got.when).toBeInstanceOf(Date);
  expect(got.when.getTime()).toBe(when.getTime());
  expect(got.nested.list[0].at).toBeInstanceOf(Date);
  await expect(c.doc('nope').get()).rejects.toThrow(/does not exist/);

  const setExisting = await c.doc(_id).set({ data: { b: 2 } });
  expect(setExisting.stats).toEqual({ updated: 1, created: 0 });
  expect((await c.doc(_id).get()).data).toEqual({ _id, b: 2 });
  const setNew = await c.doc('fresh').set({ data: { b: 3 } });
  expect(setNew.stats).toEqual({ updated: 0, created: 1 });
  expect((await c.doc('fresh').get()).data).toEqual({ _id: 'fresh', b: 3 });

  expect((await c.doc('missing').remove()).stats.removed).toBe(0);
  expect((await c.doc('fresh').remove()).stats.removed).toBe(1);
});

test('every update operator, dot paths, where().update counts', async () => {
  const c = h.wdb.collection('upd');
  await c.doc('u').set({
    data: { n: 5, m: 2, gone: 1, arr: [1, 2, 3, 2], set: ['x'], old: 'v', lo: 5, hi: 5, deep: { a: { b: 1 } } },
  });
  const r = await c.doc('u').update({
    data: {
      n: _.inc(2),
      m: _.mul(3),
      gone: _.remove(),
      set: _.addToSet('y'),
      old: _.rename('renamed'),
      lo: _.min(3),
      hi: _.max(9),
      'deep.a.b': _.inc(1),
      deep: { a: { c: 'new' } },
    },
  });
  expect(r.stats.updated).toBe(1);
  await c.doc('u').update({ data: { arr: _.pull(2) } });
  await c.doc('u').update({ data: { set: _.push(['z']) } });
  await c.doc('u').update({ data: { set: _.unshift(['first']) } });
  await c.doc('u').update({ data: { arr: _.pop() } });
  await c.doc('u').update({ data: { arr: _.shift() } });
  await c.doc('u').update({ data: { set: _.pullAll(['x']) } });
  await c.doc('u').update({ data: { obj: _.set({ k: 1 }) } });
  const doc = (await c.doc('u').get()).data;
  expect(doc).toEqual({
    _id: 'u',
    n: 7,
    m: 6,
    arr: [],
    set: ['first', 'y', 'z'],
    renamed: 'v',
    lo: 3,
    hi: 9,
    deep: { a: { b: 2, c: 'new' } },
    obj: { k: 1 },
  });
  await c.add({ data: [{ g: 1 }, { g: 1 }, { g: 2 }] });
  expect((await c.where({ g: 1 }).update({ data: { h: true } })).stats.updated).toBe(2);
  // updated counts matched documents, changed or not (see sdk-fidelity.test.ts)
  expect((await c.where({ g: 1 }).update({ data: { h: true } })).stats.updated).toBe(2);
  expect(
    (
      await c
        .where({ g: _.exists(true) })
        .orderBy('g', 'desc')
        .skip(2)
        .remove()
    ).stats.removed,
  ).toBe(3);
});

test('updateAndReturn returns the document after the update', async () => {
  const c = h.wdb.collection('upd');
  await c.doc('uar').set({ data: { n: 1 } });
  // wx-server-sdk exposes it on the @cloudbase/database query it wraps
  const res = await c.where({ _id: 'uar' })._query.updateAndReturn({ n: _.inc(1) });
  expect(res.updated).toBe(1);
  expect(res.doc).toEqual({ _id: 'uar', n: 2 });
  expect(h.actions).toContain('database.modifyAndReturnDoc');
});

test('serverDate with offset uses the local clock', async () => {
  const c = h.wdb.collection('upd');
  const { _id } = await c.add({ data: { at: h.wdb.serverDate(), later: h.wdb.serverDate({ offset: 60000 }) } });
  const doc = (await c.doc(_id).get()).data;
  expect(doc.at.getTime()).toBe(h.clock.now);
  expect(doc.later.getTime()).toBe(h.clock.now + 60000);
  const found = await c.where({ at: _.lte(h.wdb.serverDate()) }).get();
  expect(found.data.map((d: { _id: string }) => d._id)).toContain(_id);
});

test('ObjectId as _id and in queries; other ObjectId fields read back as hex', async () => {
  const c = h.wdb.collection('upd');
  const hex = '64b7f0f0a1b2c3d4e5f60718';
  // wx-server-sdk does not re-export it; the @cloudbase/database Db it wraps does
  const oid = h.wdb._db.ObjectId({ id: hex });
  await c.add({ data: { _id: oid, ref: h.wdb._db.ObjectId({ id: hex }), tag: 'oid' } });
  const res = await c.where({ _id: h.wdb._db.ObjectId({ id: hex }) }).get();
  expect(res.data).toEqual([{ _id: hex, ref: hex, tag: 'oid' }]);
});

test('missing collection fails with DATABASE_COLLECTION_NOT_EXIST; addCollection twice fails', async () => {
  await expect(h.wdb.collection('nope').get()).rejects.toMatchObject({ errCode: -502005 });
  await expect(h.wdb.collection('nope').add({ data: { a: 1 } })).rejects.toThrow(/not exist/);
  await h.wdb.createCollection('created_here');
  expect(h.db.collectionNames()).toContain('created_here');
  await expect(h.wdb.createCollection('created_here')).rejects.toThrow();
});

test('metrics count requests, documents returned and written', async () => {
  const before = { ...h.metrics };
  await h.wdb
    .collection('items')
    .where({ n: _.gt(2) })
    .get();
  await h.wdb.collection('upd').add({ data: [{ q: 1 }, { q: 2 }] });
  expect(h.metrics.requests - before.requests).toBe(2);
  expect(h.metrics.docsRead - before.docsRead).toBe(2);
  expect(h.metrics.docsWritten - before.docsWritten).toBe(2);
});
