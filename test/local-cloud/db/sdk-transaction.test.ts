/**
 * Transactions, conflicts, concurrent increments and unique indexes through wx-server-sdk 4.0.2 over HTTP.
 */
import { startHarness, type Harness } from './harness';

let h: Harness;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let _: any;

beforeAll(async () => {
  h = await startHarness([{ name: 'acct', indexes: [] }]);
  _ = h.wdb.command;
  await h.wdb.collection('acct').add({
    data: [
      { _id: 'a', bal: 100 },
      { _id: 'b', bal: 0 },
      { _id: 'c', bal: 0 },
    ],
  });
});
afterAll(() => h.close());

const bal = async (id: string): Promise<number> => (await h.wdb.collection('acct').doc(id).get()).data.bal;

test('runTransaction commits and returns the callback value; rollback(value) rejects with it', async () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const result = await h.wdb.runTransaction(async (t: any) => {
    const a = (await t.collection('acct').doc('a').get()).data;
    await t
      .collection('acct')
      .doc('a')
      .update({ data: { bal: a.bal - 10 } });
    await t
      .collection('acct')
      .doc('b')
      .update({ data: { bal: _.inc(10) } });
    await t.collection('acct').add({ data: { _id: 'log1', kind: 'move' } });
    return 'done';
  });
  expect(result).toBe('done');
  expect(await bal('a')).toBe(90);
  expect(await bal('b')).toBe(10);

  await expect(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    h.wdb.runTransaction(async (t: any) => {
      await t
        .collection('acct')
        .doc('a')
        .update({ data: { bal: 0 } });
      await t.collection('acct').add({ data: { _id: 'log2' } });
      await t.collection('acct').doc('b').remove();
      await t.rollback('不够');
    }),
  ).rejects.toBe('不够');
  expect(await bal('a')).toBe(90);
  expect(await bal('b')).toBe(10);
  await expect(h.wdb.collection('acct').doc('log2').get()).rejects.toThrow(/does not exist/);
});

test('startTransaction: reads its own writes, snapshot isolation, commit and rollback', async () => {
  const t = await h.wdb.startTransaction();
  expect((await t.collection('acct').doc('c').get()).data.bal).toBe(0);
  await t
    .collection('acct')
    .doc('c')
    .update({ data: { bal: 5 } });
  expect((await t.collection('acct').doc('c').get()).data.bal).toBe(5);
  expect(await bal('c')).toBe(0);
  // an outside write to another document after the snapshot is invisible inside
  await h.wdb
    .collection('acct')
    .doc('b')
    .update({ data: { bal: 11 } });
  expect((await t.collection('acct').doc('b').get()).data.bal).toBe(10);
  await t.commit();
  expect(await bal('c')).toBe(5);

  const r = await h.wdb.startTransaction();
  await r.collection('acct').doc('c').remove();
  await r.collection('acct').add({ data: { _id: 'tmp' } });
  await r.rollback();
  expect(await bal('c')).toBe(5);
  await expect(h.wdb.collection('acct').doc('tmp').get()).rejects.toThrow(/does not exist/);
});

test('conflicts: uncommitted write blocks another transaction at once; stale read then write conflicts; skew allowed', async () => {
  const t1 = await h.wdb.startTransaction();
  const t2 = await h.wdb.startTransaction();
  await t1
    .collection('acct')
    .doc('a')
    .update({ data: { bal: 1 } });
  await expect(
    t2
      .collection('acct')
      .doc('a')
      .update({ data: { bal: 2 } }),
  ).rejects.toThrow(/conflict/i);
  await t2
    .collection('acct')
    .doc('b')
    .update({ data: { bal: 2 } }); // write skew: different document
  await t1.commit();
  await t2.commit();
  expect(await bal('a')).toBe(1);
  expect(await bal('b')).toBe(2);

  const t3 = await h.wdb.startTransaction();
  await t3.collection('acct').doc('c').get();
  await h.wdb
    .collection('acct')
    .doc('c')
    .update({ data: { bal: 50 } });
  await expect(
    t3
      .collection('acct')
      .doc('c')
      .update({ data: { bal: 6 } }),
  ).rejects.toThrow(/conflict/i);
  await t3.rollback();

  // an outside write landing on a document with an uncommitted transactional write fails that transaction's commit
  const t4 = await h.wdb.startTransaction();
  await t4
    .collection('acct')
    .doc('c')
    .update({ data: { bal: 7 } });
  await h.wdb
    .collection('acct')
    .doc('c')
    .update({ data: { bal: 51 } });
  await expect(t4.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  expect(await bal('c')).toBe(51);
});

test('a transaction expires after 30 s of the clock', async () => {
  const t = await h.wdb.startTransaction();
  await t
    .collection('acct')
    .doc('a')
    .update({ data: { bal: 999 } });
  h.clock.now += 30_001;
  await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
  expect(await bal('a')).toBe(1);
});

test('50 concurrent conditional increments never overshoot and sum exactly', async () => {
  await h.wdb.collection('counters').add({ data: { _id: 'seats', n: 0 } });
  const results = await Promise.all(
    Array.from({ length: 50 }, () =>
      h.wdb
        .collection('counters')
        .where({ _id: 'seats', n: _.lt(30) })
        .update({ data: { n: _.inc(1) } }),
    ),
  );
  expect(results.filter((r: { stats: { updated: number } }) => r.stats.updated === 1)).toHaveLength(30);
  expect((await h.wdb.collection('counters').doc('seats').get()).data.n).toBe(30);
  await Promise.all(
    Array.from({ length: 50 }, () =>
      h.wdb
        .collection('counters')
        .doc('seats')
        .update({ data: { n: _.inc(1) } }),
    ),
  );
  expect((await h.wdb.collection('counters').doc('seats').get()).data.n).toBe(80);
});

test('unique indexes from database/collections.ts reject duplicates with E11000', async () => {
  const v = h.wdb.collection('volunteers');
  await v.add({ data: { openid: 'o1', cardNo: 'C1' } });
  await expect(v.add({ data: { openid: 'o1', cardNo: 'C2' } })).rejects.toThrow(/E11000 duplicate key error/);
  const { _id } = await v.add({ data: { openid: 'o2', cardNo: 'C2' } });
  await expect(v.doc(_id).update({ data: { openid: 'o1' } })).rejects.toMatchObject({ errCode: -502001 });
  await expect(v.doc('x').set({ data: { openid: 'o2', cardNo: 'C9' } })).rejects.toThrow(/E11000/);
  await expect(v.add({ data: { _id, openid: 'o3', cardNo: 'C3' } })).rejects.toThrow(/E11000/);
  await v.doc(_id).update({ data: { openid: 'o3' } });
  await v.add({ data: { openid: 'o2', cardNo: 'C4' } }); // the old value is free again
  expect((await v.where({ openid: 'o2' }).count()).total).toBe(1);
});
