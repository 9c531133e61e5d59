/**
 * `lookup` with `let` + `pipeline` (and nested lookups) through the unmodified wx-server-sdk, as MongoDB runs them:
 * the shapes the hot paths use (a caller with their sign-up and its waitlist position; a post with clashing sign-ups).
 */
import { startHarness, type Harness } from './harness';

let h: Harness;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let $: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let _: any;

beforeAll(async () => {
  h = await startHarness([
    { name: 'people', indexes: [] },
    { name: 'entries', indexes: [] },
    { name: 'events', indexes: [] },
  ]);
  $ = h.wdb.command.aggregate;
  _ = h.wdb.command;
  await h.wdb.collection('people').add({
    data: [
      { _id: 'p1', openid: 'o1', name: '甲' },
      { _id: 'p2', openid: 'o2', name: '乙' },
      { _id: 'p3', openid: 'o3', name: '丙' },
    ],
  });
  await h.wdb.collection('events').add({
    data: [
      { _id: 'e1', startAt: 100, endAt: 200 },
      { _id: 'e2', startAt: 150, endAt: 250 },
    ],
  });
  const entry = (event: string, person: string, status: string, seq: number, startAt = 100, endAt = 200) => ({
    _id: `${event}:${person}`,
    event,
    person,
    status,
    seq,
    startAt,
    endAt,
  });
  await h.wdb.collection('entries').add({
    data: [
      entry('e1', 'p9', 'waitlisted', 2),
      entry('e1', 'p3', 'waitlisted', 1),
      entry('e1', 'p1', 'waitlisted', 2),
      entry('e1', 'p2', 'confirmed', 0),
      entry('e1', 'p0', 'withdrawn', 0),
      entry('e9', 'p1', 'confirmed', 0, 180, 300),
    ],
  });
});
afterAll(() => h.close());

/** A person by openid with their entry for an event, and how many waitlisted entries are ahead of it. */
function personWithEntry(openid: string, event: string) {
  const ahead = $.pipeline()
    .match({
      event,
      status: 'waitlisted',
      ...(_.expr(
        $.and([
          $.eq(['$$status', 'waitlisted']),
          $.or([$.lt(['$seq', '$$seq']), $.and([$.eq(['$seq', '$$seq']), $.lt(['$_id', '$$id'])])]),
        ]),
      ) as object),
    })
    .count('n')
    .done();
  const mine = $.pipeline()
    .match({ event, ...(_.expr($.eq(['$person', '$$person'])) as object) })
    .limit(1)
    .lookup({ from: 'entries', let: { seq: '$seq', id: '$_id', status: '$status' }, pipeline: ahead, as: 'ahead' })
    .done();
  return h.wdb
    .collection('people')
    .aggregate()
    .match({ openid })
    .limit(1)
    .lookup({ from: 'entries', let: { person: '$_id' }, pipeline: mine, as: 'entry' })
    .end();
}

test('a lookup with let and pipeline joins on a variable; a nested lookup counts what is ahead', async () => {
  const one = await personWithEntry('o1', 'e1');
  expect(one.list).toHaveLength(1);
  expect(one.list[0]).toMatchObject({ _id: 'p1', name: '甲' });
  expect(one.list[0].entry).toHaveLength(1);
  expect(one.list[0].entry[0]).toMatchObject({ _id: 'e1:p1', status: 'waitlisted', ahead: [{ n: 1 }] });
  const first = await personWithEntry('o3', 'e1');
  expect(first.list[0].entry[0]).toMatchObject({ _id: 'e1:p3', ahead: [] });
  const confirmed = await personWithEntry('o2', 'e1');
  expect(confirmed.list[0].entry[0]).toMatchObject({ status: 'confirmed', ahead: [] });
  const none = await personWithEntry('o1', 'e2');
  expect(none.list[0].entry).toEqual([]);
  expect(await personWithEntry('nobody', 'e1')).toMatchObject({ list: [] });
});

test('$count of no documents gives no document, as in MongoDB', async () => {
  const entries = h.wdb.collection('entries');
  expect((await entries.aggregate().match({ status: 'gone' }).count('n').end()).list).toEqual([]);
  expect((await entries.aggregate().match({ status: 'waitlisted' }).count('n').end()).list).toEqual([{ n: 3 }]);
});

test('a lookup compares with the outer document through let (a clash in time)', async () => {
  const clash = (person: string) =>
    $.pipeline()
      .match({
        person,
        status: 'confirmed',
        event: _.neq('e2'),
        ...(_.expr($.and([$.lt(['$startAt', '$$end']), $.gt(['$endAt', '$$start'])])) as object),
      })
      .limit(1)
      .project({ _id: 0, event: 1 })
      .done();
  const run = (person: string) =>
    h.wdb
      .collection('events')
      .aggregate()
      .match({ _id: 'e2' })
      .lookup({ from: 'entries', let: { start: '$startAt', end: '$endAt' }, pipeline: clash(person), as: 'clash' })
      .end();
  expect((await run('p2')).list).toEqual([{ _id: 'e2', startAt: 150, endAt: 250, clash: [{ event: 'e1' }] }]);
  expect((await run('p1')).list[0].clash).toEqual([{ event: 'e9' }]);
  expect((await run('p3')).list[0].clash).toEqual([]);
});

test('a lookup on localField and foreignField after a match', async () => {
  const res = await h.wdb
    .collection('entries')
    .aggregate()
    .match({ _id: 'e9:p1' })
    .lookup({ from: 'people', localField: 'person', foreignField: '_id', as: 'who' })
    .end();
  expect(res.list).toHaveLength(1);
  expect(res.list[0].who).toEqual([{ _id: 'p1', openid: 'o1', name: '甲' }]);
});

test('a lookup tied to its outer document by let joins only what it ties to, among many others', async () => {
  const others = Array.from({ length: 300 }, (_x, i) => ({
    _id: `e1:q${i}`,
    event: 'e1',
    person: `q${i}`,
    status: 'withdrawn',
  }));
  await h.wdb.collection('entries').add({ data: others });
  const one = await personWithEntry('o1', 'e1');
  expect(one.list[0].entry).toHaveLength(1);
  expect(one.list[0].entry[0]).toMatchObject({ _id: 'e1:p1', ahead: [{ n: 1 }] });
});
