// stats: counters kept by the writes equal a recount of the raw records after a randomized workload; the
// reconciliation repairs planted drift; who may see what; the CSV export.
import type { BrigadeStatsResponse, ExportResponse, OverviewResponse } from '../../typings/api/stats';
import { hoursOf } from '../../typings/display';
import type { Brigade, Post } from '../../typings/entities';
import { HQ, call, fails, ok } from './helpers';
import { HOUR } from './posts-fixture';
import { seededRandom } from '../helpers/random';
import { timebankWorld, type TimebankWorld } from './timebank-world';

const SEED = Number(process.env.STATS_SEED ?? Date.now() % 100_000);
const rnd = seededRandom(SEED);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];

let w: TimebankWorld;
let east: Brigade;
const peopleServed = new Map<string, number>();
const id = (openid: string) => w.people[openid].volunteerId;

interface Raw {
  _id: string;
  [k: string]: unknown;
}

/** The figures recounted in the test from the raw collections. */
async function recount() {
  const [volunteers, brigades, posts, records] = await Promise.all([
    w.docs<Raw & { town: string }>('volunteers'),
    w.docs<Raw>('brigades'),
    w.docs<Raw & { status: string; brigadeId: string }>('posts', { status: 'published' }),
    w.docs<Raw & { status: string; minutes: number; brigadeId: string; volunteerId: string }>('service_records'),
  ]);
  const attended = records.filter((r) => r.status === 'attended');
  const living = new Set(volunteers.map((v) => v._id));
  const perBrigade = (brigadeId: string) => ({
    posts: posts.filter((p) => p.brigadeId === brigadeId).length,
    sessions: attended.filter((r) => r.brigadeId === brigadeId).length,
    minutes: attended.filter((r) => r.brigadeId === brigadeId).reduce((s, r) => s + r.minutes, 0),
  });
  // Every post here lasts two hours and nobody checked in.
  const honesty = (brigadeId: string) => {
    const mine = attended.filter((r) => r.brigadeId === brigadeId && r.minutes > 0);
    const over = mine.filter((r) => r.minutes > 120);
    return {
      overCapRecords: over.length,
      overCapMinutes: over.reduce((s, r) => s + r.minutes - 120, 0),
      uncheckedRecords: mine.length,
      uncheckedMinutes: mine.reduce((s, r) => s + r.minutes, 0),
    };
  };
  return {
    total: {
      volunteers: volunteers.length,
      brigades: brigades.length,
      posts: posts.length,
      sessions: attended.length,
      minutes: attended.reduce((s, r) => s + r.minutes, 0),
      noShows: records.filter((r) => r.status === 'absent').length,
      peopleServed: [...peopleServed.values()].reduce((s, n) => s + n, 0),
    },
    activeVolunteers: new Set(
      attended.filter((r) => r.minutes > 0 && living.has(r.volunteerId)).map((r) => r.volunteerId),
    ).size,
    volunteersByTown: volunteers.reduce<Record<string, number>>(
      (m, v) => ({ ...m, [v.town]: (m[v.town] ?? 0) + 1 }),
      {},
    ),
    perBrigade,
    honesty,
  };
}

async function serveAndRecord(leader: string, brigadeId: string, crowd: string[]): Promise<Post> {
  // A two-hour post in the brigade, every one of the crowd signed up, and over (minutes are entered explicitly).
  const startAt = Math.ceil((w.now() + HOUR) / 60_000) * 60_000;
  const post = await w.post({ brigadeId, startAt, endAt: startAt + 2 * HOUR, quota: crowd.length + 1 }, leader);
  for (const openid of crowd) await ok(w.cloud, 'posts', 'signup', { postId: post.postId }, openid);
  await w.advance(startAt + 2 * HOUR + 60_000 - w.now());
  const entries = crowd.map((openid) =>
    rnd() < 0.25
      ? { volunteerId: id(openid), absent: true }
      : {
          volunteerId: id(openid),
          rating: 1 + Math.floor(rnd() * 5),
          // Nobody scanned the check-in code here, and some stayed beyond the post's two hours: a reason each.
          minutes: 30 + Math.floor(rnd() * 120),
          reason: '现场未扫码签到',
        },
  );
  const served = Math.floor(rnd() * 20);
  // Recorded in two batches; the people served sent with both (counted once), then corrected.
  const half = Math.ceil(entries.length / 2);
  await ok(
    w.cloud,
    'timebank',
    'record',
    { postId: post.postId, entries: entries.slice(0, half), peopleServed: served },
    leader,
  );
  await ok(
    w.cloud,
    'timebank',
    'record',
    { postId: post.postId, entries: entries.slice(half), peopleServed: served },
    leader,
  );
  // A repeat of the whole roster changes nothing.
  await ok(w.cloud, 'timebank', 'record', { postId: post.postId, entries, peopleServed: served }, leader);
  const corrected = served + 3;
  await ok(
    w.cloud,
    'timebank',
    'record',
    { postId: post.postId, entries: entries.slice(0, 1), peopleServed: corrected },
    leader,
  );
  peopleServed.set(post.postId, corrected);
  // Adjust one attendee: absent ones become present, or all the minutes are taken back.
  const target = pick(entries);
  const correctedMinutes = rnd() < 0.3 ? 0 : 45 + Math.floor(rnd() * 30);
  await ok(
    w.cloud,
    'timebank',
    'adjust',
    {
      postId: post.postId,
      volunteerId: target.volunteerId,
      minutes: correctedMinutes,
      rating: 4,
      reason: '补录',
      requestId: `adj-${post.postId}`,
    },
    leader,
  );
  return post;
}

beforeAll(async () => {
  console.log(`stats workload seed ${SEED} (STATS_SEED=${SEED} to repeat)`);
  w = await timebankWorld();
  const towns = ['石岐区', '东区', '西区', '小榄镇'] as const;
  for (let i = 0; i < 10; i += 1) await w.register(`vol-${i}`, { name: `义工${i}`, town: pick(towns) });
  await w.register('east-leader', { name: '吴队长', town: '东区' });
  await w.register('quitter', { name: '退出者', town: '西区' });
  east = await ok<Brigade>(w.cloud, 'brigades', 'create', { name: '东区博爱大队', town: '东区', joinMode: 'open' }, HQ);
  await ok(w.cloud, 'brigades', 'setLeader', { brigadeId: east.brigadeId, cardNo: w.people['east-leader'].cardNo }, HQ);
  const crowd = Array.from({ length: 10 }, (_, i) => `vol-${i}`);
  const shuffled = () => crowd.filter(() => rnd() < 0.6).slice(0, 5);
  await serveAndRecord('leader', w.brigade.brigadeId, [...new Set(['vol-0', ...shuffled()])]);
  await serveAndRecord('east-leader', east.brigadeId, [...new Set(['vol-1', ...shuffled()])]);
  // A weekly series into the next months, one of them cancelled, one moved to another category.
  const start = w.now() + 24 * HOUR;
  const series = await ok<Post & { seriesPostIds: string[] }>(
    w.cloud,
    'posts',
    'create',
    {
      brigadeId: east.brigadeId,
      title: '周末义剪',
      description: '社区长者义剪',
      category: '义剪',
      address: '东区',
      startAt: start,
      endAt: start + 2 * HOUR,
      quota: 5,
      repeatWeeks: 6,
    },
    'east-leader',
  );
  await ok(w.cloud, 'posts', 'cancel', { postId: series.seriesPostIds[2], reason: '场地维修' }, 'east-leader');
  await ok(
    w.cloud,
    'posts',
    'update',
    {
      postId: series.seriesPostIds[4],
      category: '义诊',
      startAt: start + 60 * 24 * HOUR,
      endAt: start + 60 * 24 * HOUR + HOUR,
    },
    'east-leader',
  );
  await ok(w.cloud, 'volunteers', 'deleteMine', {}, 'quitter');
}, 120_000);
afterAll(() => w.cloud.stop());

const overview = (params: object = {}) => ok<OverviewResponse>(w.cloud, 'stats', 'overview', params, HQ);

describe('counters kept by the writes', () => {
  it('equal a recount of the raw records after a randomized workload', async () => {
    const expected = await recount();
    const o = await overview();
    expect({
      volunteers: o.volunteers,
      brigades: o.brigades,
      posts: o.posts,
      sessions: o.sessions,
      minutes: o.minutes,
      noShows: o.noShows,
      peopleServed: o.peopleServed,
    }).toEqual(expected.total);
    expect(o.activeVolunteers).toBe(expected.activeVolunteers);
    expect(o.noShowRate).toBeCloseTo(o.noShows / (o.sessions + o.noShows), 10);
    expect(Object.fromEntries(o.byTown.filter((t) => t.volunteers).map((t) => [t.town, t.volunteers]))).toEqual(
      expected.volunteersByTown,
    );
    for (const b of [w.brigade, east]) {
      const row = o.byBrigade.find((r) => r.brigadeId === b.brigadeId);
      expect({ posts: row?.posts, sessions: row?.sessions, minutes: row?.minutes }).toEqual(
        expected.perBrigade(b.brigadeId),
      );
      expect(row).toMatchObject({ name: b.name, town: b.town });
      const figures = await ok<BrigadeStatsResponse>(w.cloud, 'stats', 'brigade', { brigadeId: b.brigadeId }, HQ);
      expect(figures).toMatchObject(expected.honesty(b.brigadeId));
    }
    // Months without gaps, oldest first, adding up to the total; categories add up too.
    const months = o.byMonth.map((m) => m.month);
    expect(months).toEqual([...months].sort());
    expect(months.length).toBeGreaterThanOrEqual(3);
    expect(o.byMonth.reduce((s, m) => s + m.minutes, 0)).toBe(o.minutes);
    expect(o.byMonth.reduce((s, m) => s + m.posts, 0)).toBe(o.posts);
    expect(o.byCategory.reduce((s, c) => s + c.posts, 0)).toBe(o.posts);
    expect(o.byCategory.find((c) => c.category === '义诊')?.posts).toBe(1);
    // The server's own recount agrees: nothing to repair.
    expect(await ok(w.cloud, 'stats', 'reconcile', {}, HQ)).toMatchObject({ repaired: 0 });
  });

  it('filter by town and period', async () => {
    const all = await overview();
    const east = await overview({ town: '东区' });
    expect(east.byBrigade.every((b) => b.town === '东区')).toBe(true);
    expect(east.minutes).toBe(all.byTown.find((t) => t.town === '东区')?.minutes ?? 0);
    const december = Date.UTC(2026, 11, 15);
    const dec = await overview({ from: december, to: december });
    expect(dec.byMonth.map((m) => m.month)).toEqual(['2026-12']);
    expect(dec.posts).toBe(all.byMonth.find((m) => m.month === '2026-12')?.posts);
    expect((await fails(w.cloud, 'stats', 'overview', { from: december, to: december - 1 }, HQ)).code).toBe(
      'INVALID_ARGUMENT',
    );
  });
});

describe('stats.reconcile', () => {
  it('repairs planted drift and a lost month', async () => {
    const before = await overview();
    const month = before.byMonth.find((m) => m.minutes > 0)?.month as string;
    await w.cloud.db.handle('database.modifyDocument', {
      collectionName: 'stats',
      queryType: 'WHERE',
      query: JSON.stringify({ _id: `month:${month}` }),
      data: JSON.stringify({
        $set: { 'total.minutes': 999_999, [`byBrigade.${w.brigade.brigadeId}.sessions`]: 77 },
        $unset: { byTown: '' },
      }),
    });
    await w.cloud.db.handle('database.removeDocument', {
      collectionName: 'stats',
      queryType: 'WHERE',
      query: JSON.stringify({ _id: 'month:2026-12' }),
    });
    expect(await overview()).not.toEqual(before);
    const result = await ok<{ checked: number; repaired: number }>(w.cloud, 'stats', 'reconcile', {}, HQ);
    expect(result.repaired).toBe(month === '2026-12' ? 1 : 2);
    expect(result.checked).toBeGreaterThanOrEqual(before.byMonth.length);
    expect(await overview()).toEqual(before);
    // The nightly timer does the same.
    await w.cloud.db.handle('database.modifyDocument', {
      collectionName: 'stats',
      queryType: 'WHERE',
      query: JSON.stringify({ _id: `month:${month}` }),
      data: JSON.stringify({ $inc: { 'total.posts': 5 } }),
    });
    const fired = await fetch(`${w.cloud.url}/v1/triggers/stats`, { method: 'POST' });
    expect(fired.ok).toBe(true);
    expect(await overview()).toEqual(before);
  });
});

describe('who may see what', () => {
  it('overview, export and reconcile are for hq; a brigade for its leaders and hq', async () => {
    await w.register('plain', { name: '普通义工' });
    const brigade = { brigadeId: w.brigade.brigadeId };
    for (const [openid, code] of [
      ['visitor', 'PERMISSION_DENIED'],
      ['plain', 'PERMISSION_DENIED'],
      ['east-leader', 'PERMISSION_DENIED'],
      ['leader', 'PERMISSION_DENIED'],
    ] as const) {
      for (const action of ['overview', 'export', 'reconcile']) {
        expect((await fails(w.cloud, 'stats', action, {}, openid)).code).toBe(code);
      }
    }
    expect((await fails(w.cloud, 'stats', 'brigade', brigade, 'visitor')).code).toBe('PERMISSION_DENIED');
    expect((await fails(w.cloud, 'stats', 'brigade', brigade, 'plain')).code).toBe('PERMISSION_DENIED');
    expect((await fails(w.cloud, 'stats', 'brigade', brigade, 'east-leader')).code).toBe('PERMISSION_DENIED');
    expect((await call(w.cloud, 'stats', 'overview', {}, '')).body).toMatchObject({ code: 'UNAUTHENTICATED' });
    const mine = await ok<BrigadeStatsResponse>(w.cloud, 'stats', 'brigade', brigade, 'leader');
    const asHq = await ok<BrigadeStatsResponse>(w.cloud, 'stats', 'brigade', brigade, HQ);
    expect(mine).toEqual(asHq);
    const row = (await overview()).byBrigade.find((b) => b.brigadeId === w.brigade.brigadeId);
    expect(mine).toMatchObject({
      brigadeId: w.brigade.brigadeId,
      name: w.brigade.name,
      posts: row?.posts,
      sessions: row?.sessions,
      minutes: row?.minutes,
      noShows: row?.noShows,
      peopleServed: row?.peopleServed,
    });
    expect(mine.members).toBeGreaterThanOrEqual(1);
    expect(mine.byMonth.reduce((s, m) => s + m.minutes, 0)).toBe(mine.minutes);
  });
});

describe('stats.export', () => {
  it('is a CSV with a BOM, a Chinese header, one row per brigade and a total', async () => {
    const o = await overview();
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2026, 10, 20);
    const { csv, fileName } = await ok<ExportResponse>(w.cloud, 'stats', 'export', {}, HQ);
    expect(csv.startsWith('\uFEFF大队,镇区,')).toBe(true);
    // The brigade table; the 供需配对 table follows after a blank line.
    const lines = csv.slice(1).split('\r\n\r\n')[0].split('\r\n');
    expect(lines[0]).toBe('大队,镇区,招募场次,服务人次,服务时长（小时）,服务人数,缺席人次,缺席率');
    // One row per brigade with any activity, counted from the raw collections, plus the header and the total.
    const [brigades, posts, records] = await Promise.all([
      w.docs<Raw & { name: string }>('brigades'),
      w.docs<Raw & { brigadeId: string }>('posts'),
      w.docs<Raw & { brigadeId: string }>('service_records'),
    ]);
    const active = new Set([...posts, ...records].map((d) => d.brigadeId));
    const names = brigades.filter((b) => active.has(b._id)).map((b) => b.name);
    expect(
      lines
        .slice(1, -1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(names.sort());
    expect(lines).toHaveLength(1 + names.length + 1);
    const first = o.byBrigade[0];
    const rate = ((first.noShows / (first.sessions + first.noShows || 1)) * 100).toFixed(1);
    expect(lines[1]).toBe(
      [
        first.name,
        first.town,
        first.posts,
        first.sessions,
        hoursOf(first.minutes),
        first.peopleServed,
        first.noShows,
        `${rate}%`,
      ].join(','),
    );
    expect(lines[lines.length - 1].startsWith(`合计,,${o.posts},${o.sessions},${hoursOf(o.minutes)},`)).toBe(true);
    expect(fileName).toMatch(/^博爱义工统计_\d{4}-\d{2}_\d{4}-\d{2}\.csv$/);
    const ranged = await ok<ExportResponse>(w.cloud, 'stats', 'export', { from, to }, HQ);
    expect(ranged.fileName).toBe('博爱义工统计_2026-01_2026-11.csv');
  });
});
