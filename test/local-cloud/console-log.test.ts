/** The console's request log: a ring of the last calls, filters, and what a database request wrote. */
import { RequestLog, resultCode, type RequestLogEntry } from '../../local-cloud/request-log';
import { writeRecordOf } from '../../local-cloud/request-trace';

function entry(n: number, over: Partial<RequestLogEntry> = {}): Omit<RequestLogEntry, 'seq'> {
  return {
    requestId: `r${n}`,
    fn: 'posts',
    action: 'signup',
    source: 'http',
    openid: `u${n % 3}`,
    at: n,
    time: new Date(n).toISOString(),
    ms: 1,
    result: 'ok',
    metrics: { requests: 1, docsRead: 0, docsWritten: 1 },
    writes: [],
    messages: [],
    event: {},
    ...over,
  };
}

test('keeps the last N calls, newest first, and filters by function, caller and result', () => {
  const log = new RequestLog(5);
  for (let n = 1; n <= 7; n += 1) log.record(entry(n, n === 6 ? { fn: 'volunteers', result: 'NOT_FOUND' } : {}));
  expect(log.list().map((e) => e.requestId)).toEqual(['r7', 'r6', 'r5', 'r4', 'r3']);
  expect(log.list({ fn: 'volunteers' }).map((e) => e.requestId)).toEqual(['r6']);
  expect(log.list({ result: 'error' }).map((e) => e.requestId)).toEqual(['r6']);
  expect(log.list({ result: 'ok' })).toHaveLength(4);
  expect(log.list({ openid: 'u1' }).map((e) => e.requestId)).toEqual(['r7', 'r4']);
  expect(log.recentOpenids()).toEqual(['u1', 'u0', 'u2']);
});

test('a reply { ok: false, code } is that code; anything else is ok', () => {
  expect(resultCode({ ok: false, code: 'POST_FULL' })).toBe('POST_FULL');
  expect(resultCode({ ok: true, data: {} })).toBe('ok');
  expect(resultCode(null)).toBe('ok');
});

test('a write names its collection and the documents: new ids, an id in the query, an upsert', () => {
  expect(
    writeRecordOf('database.insertDocument', { collectionName: 'signups' }, { insertedIds: ['a', 'b'] }, 2),
  ).toEqual({ collection: 'signups', op: 'insert', ids: ['a', 'b'], count: 2 });
  expect(
    writeRecordOf(
      'database.modifyDocument',
      { collectionName: 'posts', query: '{"_id":"p1"}', transactionId: 't' },
      { updated: 1 },
      1,
    ),
  ).toEqual({ collection: 'posts', op: 'update', ids: ['p1'], count: 1, inTransaction: true });
  expect(
    writeRecordOf(
      'database.modifyDocument',
      { collectionName: 'stats', query: '{"kind":"m"}' },
      { upsert_id: 'm1' },
      1,
    ),
  ).toMatchObject({ ids: ['m1'] });
  expect(
    writeRecordOf('database.removeDocument', { collectionName: 'grants', query: '{"openid":"u"}' }, { deleted: 3 }, 3),
  ).toEqual({ collection: 'grants', op: 'remove', ids: [], query: '{"openid":"u"}', count: 3 });
  expect(writeRecordOf('database.getDocument', { collectionName: 'posts' }, {}, 0)).toBeUndefined();
});
