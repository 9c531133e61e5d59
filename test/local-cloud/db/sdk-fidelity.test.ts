/**
 * Facts from CloudBase's documentation (and @cloudbase/node-sdk's own tests against the cloud) that the local cloud
 * mirrors, each checked through the unmodified wx-server-sdk 4.0.2 over HTTP.
 */
import { startHarness, type Harness } from './harness';

let h: Harness;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let _: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let $: any;

const CONFLICT =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. ' +
  'Please check your request, but if the problem persists, contact us.';
const NOT_EXIST =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit ' +
  'or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';

beforeAll(async () => {
  h = await startHarness([
    { name: 'fid', indexes: [] },
    { name: 'fidq', indexes: [] },
    { name: 'fidtx', indexes: [] },
  ]);
  _ = h.wdb.command;
  $ = _.aggregate;
  await h.wdb.collection('fidq').add({
    data: [
      {
        _id: 'q1',
        city: 'x0',
        scores: [60, 80, 90],
        places: [{ type: 'garden', area: 300, age: 1 }],
        title: '博爱义工',
      },
      { _id: 'q2', city: 'x1', scores: [85], places: [{ type: 'theatre', area: 50, age: 15 }], title: 'abc' },
      { _id: 'q3', city: 'x2', scores: [100, 20], places: [], title: '义工', note: 'n' },
      { _id: 'q4', city: 'x3', scores: [{ v: 90 }], places: [1, 2], title: 42 },
    ],
  });
});
afterAll(() => h.close());

async function ids(where: unknown): Promise<string[]> {
  const res = await h.wdb.collection('fidq').where(where).get();
  return res.data.map((d: { _id: string }) => d._id);
}

describe('Document.set / Document.update / Query.update: stats.updated counts matched documents', () => {
  test('doc().set() of an existing _id reports updated 1 even when the document stays the same', async () => {
    const c = h.wdb.collection('fid');
    await c.add({ data: { _id: 's', n: 1 } });
    // 文档: "updated: 成功更新的记录数量，若指定的 _id 已存在则为 1，否则为 0"
    expect((await c.doc('s').set({ data: { n: 1 } })).stats).toEqual({ updated: 1, created: 0 });
    expect((await c.doc('s').set({ data: { n: 2 } })).stats).toEqual({ updated: 1, created: 0 });
    expect((await c.doc('s').get()).data).toEqual({ _id: 's', n: 2 });
    expect((await c.doc('s-new').set({ data: { n: 1 } })).stats).toEqual({ updated: 0, created: 1 });
  });

  test('doc().update() reports 1 for an existing document (unchanged too) and 0 for a missing one', async () => {
    const c = h.wdb.collection('fid');
    await c.add({ data: { _id: 'u', n: 1 } });
    // 文档: "updated: 成功更新的记录数量，在此只可能会是 0 或 1"
    expect((await c.doc('u').update({ data: { n: 1 } })).stats.updated).toBe(1);
    expect((await c.doc('u').update({ data: { n: _.inc(1) } })).stats.updated).toBe(1);
    expect((await c.doc('u').get()).data.n).toBe(2);
    expect((await c.doc('missing').update({ data: { n: 1 } })).stats.updated).toBe(0);
  });

  test('where().update() reports every matched document; 0 means the condition matched nothing', async () => {
    const c = h.wdb.collection('fid');
    await c.add({
      data: [
        { g: 'w', h: 1 },
        { g: 'w', h: 2 },
        { g: 'v', h: 1 },
      ],
    });
    // 文档: where 筛选条件只筛选出 0 条记录时 stats.updated 为 0
    expect((await c.where({ g: 'w' }).update({ data: { h: 1 } })).stats.updated).toBe(2);
    expect((await c.where({ g: 'w' }).update({ data: { h: 1 } })).stats.updated).toBe(2);
    expect((await c.where({ g: 'none' }).update({ data: { h: 1 } })).stats.updated).toBe(0);
    // A compare-and-set whose condition no longer holds still reports 0.
    await c.add({ data: { _id: 'cas', status: 'open' } });
    expect((await c.where({ _id: 'cas', status: 'open' }).update({ data: { status: 'done' } })).stats.updated).toBe(1);
    expect((await c.where({ _id: 'cas', status: 'open' }).update({ data: { status: 'done' } })).stats.updated).toBe(0);
  });

  test('an unchanged document is not rewritten: docsWritten counts real changes only', async () => {
    const c = h.wdb.collection('fid');
    await c.add({ data: { _id: 'dw', n: 5 } });
    const before = h.metrics.docsWritten;
    expect((await c.doc('dw').update({ data: { n: 5 } })).stats.updated).toBe(1);
    expect(h.metrics.docsWritten).toBe(before);
  });
});

describe('Command.elemMatch matches arrays of embedded documents and of plain values', () => {
  test("the documentation's own example: scores: _.elemMatch(_.gt(80).lt(100))", async () => {
    // 文档 "示例代码：数组元素都是普通数据类型的情况"
    expect(await ids({ scores: _.elemMatch(_.gt(80).lt(100)) })).toEqual(['q1', 'q2']);
    expect(await ids({ scores: _.elemMatch(_.gte(100)) })).toEqual(['q3']);
    expect(await ids({ scores: _.elemMatch(_.neq(85)) })).toEqual(['q1', 'q3', 'q4']);
    expect(await ids({ scores: _.elemMatch(_.lt(30).or(_.gt(95))) })).toEqual(['q3']);
    expect(await ids({ scores: _.elemMatch(_.not(_.gte(60))) })).toEqual(['q3', 'q4']);
  });

  test('embedded documents: places: _.elemMatch({ area: _.gt(100), age: _.lt(2) })', async () => {
    // 文档 "示例代码：数组是对象数组的情况"
    expect(await ids({ places: _.elemMatch({ area: _.gt(100), age: _.lt(2) }) })).toEqual(['q1']);
    expect(await ids({ places: _.elemMatch({ area: _.gt(40).lt(100) }) })).toEqual(['q2']);
    expect(await ids({ scores: _.elemMatch({ v: _.gte(90) }) })).toEqual(['q4']);
    // A document query never matches plain values, even one a missing field would satisfy.
    expect(await ids({ places: _.elemMatch({ area: _.exists(false) }) })).toEqual([]);
  });
});

describe('Command.jsonSchema selects the documents a JSON schema accepts', () => {
  test('where(_.jsonSchema({ required, properties })) and inside _.nor', async () => {
    expect(await ids(_.jsonSchema({ required: ['note'] }))).toEqual(['q3']);
    expect(await ids(_.nor([_.jsonSchema({ required: ['note'] })]))).toEqual(['q1', 'q2', 'q4']);
    expect(
      await ids(
        _.jsonSchema({
          properties: {
            title: { bsonType: 'string', minLength: 3 },
            scores: { bsonType: 'array', items: { bsonType: 'int', minimum: 60 } },
          },
        }),
      ),
    ).toEqual(['q1', 'q2']);
    expect(
      await ids(_.and([{ city: _.in(['x0', 'x3']) }, _.jsonSchema({ properties: { title: { type: 'number' } } })])),
    ).toEqual(['q4']);
  });

  test('a keyword MongoDB does not support is refused with a clear error', async () => {
    await expect(ids(_.jsonSchema({ properties: { title: { format: 'email' } } }))).rejects.toThrow(
      /\$jsonSchema: keyword 'format' is not currently supported/,
    );
  });
});

describe('aggregate $substrBytes counts UTF-8 bytes like $substr', () => {
  test('a negative length takes the rest of the string', async () => {
    const res = await h.wdb
      .collection('fidq')
      .aggregate()
      .match({ _id: 'q1' })
      .project({ _id: 0, head: $.substrBytes(['$title', 0, 6]), rest: $.substrBytes(['$title', 6, -1]) })
      .end();
    expect(res.list).toEqual([{ head: '博爱', rest: '义工' }]);
  });

  test('an index inside a Chinese character (3 bytes) is an error, as in MongoDB', async () => {
    const project = (start: number, length: number) =>
      h.wdb
        .collection('fidq')
        .aggregate()
        .match({ _id: 'q1' })
        .project({ _id: 0, s: $.substrBytes(['$title', start, length]) })
        .end();
    await expect(project(1, 3)).rejects.toThrow(/starting index is a UTF-8 continuation byte/);
    await expect(project(0, 4)).rejects.toThrow(/ending index is in the middle of a UTF-8 character/);
  });
});

describe("transactions answer with the cloud's own messages", () => {
  test('a finished transaction: DATABASE_TRANSACTION_FAIL, "Transaction does not exist on the server…"', async () => {
    const t = await h.wdb.startTransaction();
    await t.commit();
    const err = await t
      .collection('fidtx')
      .doc('a')
      .set({ data: { n: 1 } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ errCode: -501001 });
    expect(String((err as { errMsg: string }).errMsg)).toContain(NOT_EXIST);
  });

  test('an expired transaction (past 30 s) gets the same answer', async () => {
    const t = await h.wdb.startTransaction();
    await t.collection('fidtx').add({ data: { _id: 'late', n: 1 } });
    h.clock.now += 31_000;
    const err = await t.commit().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: NOT_EXIST });
    expect((await h.wdb.collection('fidtx').where({ _id: 'late' }).get()).data).toEqual([]);
  });

  test('a conflict: DATABASE_TRANSACTION_CONFLICT, "Transaction is conflict, maybe resource operated by others…"', async () => {
    await h.wdb.collection('fidtx').add({ data: { _id: 'c', n: 0 } });
    const t1 = await h.wdb.startTransaction();
    const t2 = await h.wdb.startTransaction();
    await t1
      .collection('fidtx')
      .doc('c')
      .update({ data: { n: 1 } });
    const err = await t2
      .collection('fidtx')
      .doc('c')
      .update({ data: { n: 2 } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ errCode: -501001 });
    expect(String((err as { errMsg: string }).errMsg)).toContain(CONFLICT);
    await t1.commit();
    await t2.rollback().catch(() => undefined);
    expect((await h.wdb.collection('fidtx').doc('c').get()).data.n).toBe(1);
  });
});
