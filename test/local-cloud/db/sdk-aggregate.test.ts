/**
 * Aggregation and geo through the unmodified wx-server-sdk 4.0.2 over HTTP.
 */
import { startHarness, type Harness } from './harness';

let h: Harness;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let $: any;

beforeAll(async () => {
  h = await startHarness([
    { name: 'sales', indexes: [] },
    { name: 'shops', indexes: [] },
    { name: 'spots', indexes: [] },
  ]);
  $ = h.wdb.command.aggregate;
  await h.wdb.collection('shops').add({
    data: [
      { _id: 's1', city: '中山' },
      { _id: 's2', city: '广州' },
    ],
  });
  await h.wdb.collection('sales').add({
    data: [
      { shop: 's1', amount: 10, at: new Date('2026-01-03T20:00:00Z'), items: ['a', 'b'], title: '博爱义工服务' },
      { shop: 's1', amount: 30, at: new Date('2026-01-04T01:00:00Z'), items: [], title: 'hello world' },
      { shop: 's2', amount: 20, at: new Date('2026-01-10T12:00:00Z'), items: ['c'], title: 'abc' },
    ],
  });
  const G = h.wdb.Geo;
  await h.wdb.collection('spots').add({
    data: [
      { _id: 'far', kind: 'x', location: new G.Point(113.5, 22.6) },
      { _id: 'near', kind: 'x', location: new G.Point(113.3925, 22.5176) },
      { _id: 'mid', kind: 'y', location: new G.Point(113.42, 22.53) },
    ],
  });
});
afterAll(() => h.close());

test('match, group with stdDev, sort, project, count, sortByCount', async () => {
  const sales = h.wdb.collection('sales');
  const grouped = await sales
    .aggregate()
    .match({ amount: h.wdb.command.gt(5) })
    .group({ _id: '$shop', total: $.sum('$amount'), sd: $.stdDevPop('$amount'), sds: $.stdDevSamp('$amount') })
    .sort({ _id: 1 })
    .end();
  expect(grouped.list).toEqual([
    { _id: 's1', total: 40, sd: 10, sds: Math.sqrt(200) },
    { _id: 's2', total: 20, sd: 0, sds: null },
  ]);
  expect((await sales.aggregate().count('n').end()).list).toEqual([{ n: 3 }]);
  expect((await sales.aggregate().sortByCount('$shop').end()).list).toEqual([
    { _id: 's1', count: 2 },
    { _id: 's2', count: 1 },
  ]);
  const projected = await sales
    .aggregate()
    .project({
      _id: 0,
      // $substr counts UTF-8 bytes as in MongoDB; -1 takes the rest
      head: $.substr(['$title', 0, 6]),
      rest: $.substr(['$title', 6, -1]),
      cp: $.substrCP(['$title', 2, 2]),
      pos: $.indexOfCP(['$title', '义工']),
    })
    .limit(1)
    .end();
  expect(projected.list).toEqual([{ head: '博爱', rest: '义工服务', cp: '义工', pos: 2 }]);
});

test('lookup and unwind with options; insertion order without sort', async () => {
  const res = await h.wdb
    .collection('sales')
    .aggregate()
    .lookup({ from: 'shops', localField: 'shop', foreignField: '_id', as: 'shopDoc' })
    .unwind({ path: '$items', includeArrayIndex: 'idx', preserveNullAndEmptyArrays: true })
    .project({ _id: 0, city: $.arrayElemAt(['$shopDoc.city', 0]), items: 1, idx: 1 })
    .end();
  expect(res.list).toEqual([
    { city: '中山', items: 'a', idx: 0 },
    { city: '中山', items: 'b', idx: 1 },
    { city: '中山', idx: null },
    { city: '广州', items: 'c', idx: 0 },
  ]);
});

test('date operators with timezone, $week, $isoWeek, $dateFromParts', async () => {
  const res = await h.wdb
    .collection('sales')
    .aggregate()
    .project({
      _id: 0,
      utc: $.dateToString({ date: '$at', format: '%Y-%m-%d %H:%M' }),
      local: $.dateToString({ date: '$at', format: '%Y-%m-%d %H:%M', timezone: 'Asia/Shanghai' }),
      week: $.week('$at'),
      isoWeek: $.isoWeek('$at'),
      built: $.dateFromParts({ year: 2026, month: 1, day: 1, timezone: 'Asia/Shanghai' }),
    })
    .end();
  expect(res.list[0]).toEqual({
    utc: '2026-01-03 20:00',
    local: '2026-01-04 04:00',
    week: 0,
    isoWeek: 1,
    built: new Date('2025-12-31T16:00:00Z'),
  });
  expect(res.list[1].week).toBe(1);
  expect(res.list[0].built).toBeInstanceOf(Date);
});

test('geoNear query command (metres, nearest first), geoWithin centerSphere and polygon, geoIntersects', async () => {
  const _ = h.wdb.command;
  const G = h.wdb.Geo;
  const here = new G.Point(113.3925, 22.5176);
  const near = await h.wdb
    .collection('spots')
    .where({ location: _.geoNear({ geometry: here, maxDistance: 5000, minDistance: 0 }) })
    .get();
  expect(near.data.map((d: { _id: string }) => d._id)).toEqual(['near', 'mid']);
  expect(near.data[0].location).toMatchObject({ longitude: 113.3925, latitude: 22.5176 });
  const ring = await h.wdb
    .collection('spots')
    .where({ location: _.geoNear({ geometry: here, minDistance: 1000 }) })
    .get();
  expect(ring.data.map((d: { _id: string }) => d._id)).toEqual(['mid', 'far']);
  const within = await h.wdb
    .collection('spots')
    .where({ location: _.geoWithin({ centerSphere: [here, 5000 / 6378100] }) })
    .get();
  expect(within.data.map((d: { _id: string }) => d._id)).toEqual(['near', 'mid']);
  const square = new G.Polygon([
    new G.LineString([
      new G.Point(113.4, 22.5),
      new G.Point(113.6, 22.5),
      new G.Point(113.6, 22.7),
      new G.Point(113.4, 22.7),
      new G.Point(113.4, 22.5),
    ]),
  ]);
  const inSquare = await h.wdb
    .collection('spots')
    .where({ location: _.geoWithin({ geometry: square }) })
    .get();
  expect(inSquare.data.map((d: { _id: string }) => d._id)).toEqual(['far', 'mid']);
  const hit = await h.wdb
    .collection('spots')
    .where({ location: _.geoIntersects({ geometry: square }) })
    .get();
  expect(hit.data.map((d: { _id: string }) => d._id)).toEqual(['far', 'mid']);
});

test('aggregate geoNear: query first, distance order, distanceField and includeLocs', async () => {
  const G = h.wdb.Geo;
  const res = await h.wdb
    .collection('spots')
    .aggregate()
    .geoNear({
      near: new G.Point(113.3925, 22.5176),
      spherical: true,
      query: { kind: 'x' },
      distanceField: 'dist',
      includeLocs: 'loc',
    })
    .end();
  expect(res.list.map((d: { _id: string }) => d._id)).toEqual(['near', 'far']);
  expect(res.list[0].dist).toBe(0);
  expect(res.list[1].dist).toBeGreaterThan(10000);
  expect(res.list[1].dist).toBeLessThan(15000);
  expect(res.list[1].loc).toEqual({ type: 'Point', coordinates: [113.5, 22.6] });
});
