// stars: what is missing for the next level, levels moving with records and with time (the daily recompute),
// dated level changes, and honours awarded by hq.
import type { RecomputeResponse, StarsResponse } from '../../typings/api/stars';
import type { CardResponse, MeResponse } from '../../typings/api/volunteers';
import type { HonourAward, LedgerEntry, Page, Post } from '../../typings/entities';
import { HQ, call, fails, ok } from './helpers';
import { timebankWorld, type TimebankWorld } from './timebank-world';

type Listed = HonourAward & { cardNo: string; name: string };
const DAY = 86_400_000;
let w: TimebankWorld;
let posts: Post[];
const id = (openid: string) => w.people[openid].volunteerId;

beforeAll(async () => {
  w = await timebankWorld();
  await w.register('star', { name: '李星' });
  await w.register('plain', { name: '王平' });
  posts = [];
  for (let i = 0; i < 5; i += 1) posts.push(await w.served(['star', 'plain']));
}, 60_000);
afterAll(() => w.cloud.stop());

const record = (post: Post, openid: string, minutes: number, rating: number) =>
  ok(
    w.cloud,
    'timebank',
    'record',
    { postId: post.postId, entries: [{ volunteerId: id(openid), minutes, rating, reason: '集中补录历史服务' }] },
    'leader',
  );

describe('stars.get', () => {
  it('says what is missing for one star', async () => {
    const reply = await call<StarsResponse>(w.cloud, 'stars', 'get', {}, 'star');
    expect(reply.metrics.requests).toBeLessThanOrEqual(2);
    const stars = (reply.body as { data: StarsResponse }).data;
    expect(stars).toMatchObject({
      level: 0,
      earnedMinutes: 0,
      next: { level: 1, minutesNeeded: 6000, ratingNeeded: 3 },
    });
    expect(stars.averageRating).toBeUndefined();
    expect(stars.next!.tenureNeededDays).toBeGreaterThan(178);
    expect(stars.next!.tenureNeededDays).toBeLessThanOrEqual(183);
  });

  it('counts 99.98 hours as short of 100, with the rating average', async () => {
    for (let i = 0; i < 4; i += 1) await record(posts[i], 'star', 1440, i % 2 ? 3 : 4);
    await record(posts[4], 'star', 5999 - 4 * 1440, 3);
    const stars = await ok<StarsResponse>(w.cloud, 'stars', 'get', {}, 'star');
    expect(stars).toMatchObject({ level: 0, earnedMinutes: 5999, averageRating: 3.4, next: { minutesNeeded: 1 } });
  });
});

describe('levels move with records and with time', () => {
  it('rises on the record once tenure is met, and keeps the change with its date', async () => {
    await w.advance(200 * DAY);
    // Tenure met, 99.98 h: still none until the daily recompute, which finds nothing to change yet.
    const quiet = await ok<RecomputeResponse>(w.cloud, 'stars', 'recompute', {}, HQ);
    expect(quiet).toMatchObject({ changed: 0, done: true });
    await ok(
      w.cloud,
      'timebank',
      'adjust',
      {
        postId: posts[4].postId,
        volunteerId: id('star'),
        minutes: 6000 - 4 * 1440,
        reason: '补录一分钟',
        requestId: 'star-adjust-1',
      },
      'leader',
    );
    const stars = await ok<StarsResponse>(w.cloud, 'stars', 'get', {}, 'star');
    expect(stars).toMatchObject({
      level: 1,
      earnedMinutes: 6000,
      next: { level: 2, minutesNeeded: 12000, tenureNeededDays: 0 },
    });
    const card = await ok<CardResponse>(w.cloud, 'volunteers', 'card', {}, 'star');
    expect(card.stars).toBe(1);
    const changes = await w.docs<{ from: number; to: number; cause: string; at: number }>('star_changes', {
      volunteerId: id('star'),
    });
    expect(changes).toEqual([expect.objectContaining({ from: 0, to: 1, cause: 'adjust' })]);
    expect(Math.abs(changes[0].at - w.now())).toBeLessThan(60_000);
  });

  it('the daily timer raises a level reached by tenure alone', async () => {
    await w.register('late', { name: '赵新' });
    for (let i = 0; i < 5; i += 1) await record(await w.served(['late']), 'late', 1200, 5);
    expect(await ok<StarsResponse>(w.cloud, 'stars', 'get', {}, 'late')).toMatchObject({
      level: 0,
      earnedMinutes: 6000,
      next: { minutesNeeded: 0 },
    });
    await w.advance(183 * DAY);
    const outcome = await w.cloud.fireTrigger('stars');
    expect(JSON.stringify(outcome)).toContain('"changed":1');
    expect((await ok<CardResponse>(w.cloud, 'volunteers', 'card', {}, 'late')).stars).toBe(1);
    const changes = await w.docs<{ cause: string; to: number }>('star_changes', { volunteerId: id('late') });
    expect(changes).toEqual([expect.objectContaining({ cause: 'recompute', to: 1 })]);
    const again = await ok<RecomputeResponse>(w.cloud, 'stars', 'recompute', {}, HQ);
    expect(again.changed).toBe(0);
  });

  it('lists those five credits in the 明细: a page of exactly five has no next page, a page of four has', async () => {
    const five = await ok<Page<LedgerEntry>>(w.cloud, 'timebank', 'ledger', { pageSize: 5 }, 'late');
    expect(five.items.map((e) => [e.kind, e.minutes])).toEqual(Array.from({ length: 5 }, () => ['credit', 1200]));
    expect(five.nextCursor).toBeUndefined();
    const four = await ok<Page<LedgerEntry>>(w.cloud, 'timebank', 'ledger', { pageSize: 4 }, 'late');
    expect(four.items).toHaveLength(4);
    const rest = await ok<Page<LedgerEntry>>(
      w.cloud,
      'timebank',
      'ledger',
      { pageSize: 4, cursor: four.nextCursor },
      'late',
    );
    expect([...four.items, ...rest.items].map((e) => e.entryId)).toEqual(five.items.map((e) => e.entryId));
  });

  it('takes the star away when the average rating falls below 3.0, and keeps both changes', async () => {
    for (let i = 0; i < 5; i += 1) await record(posts[i], 'plain', 1200, 4);
    expect(await ok<StarsResponse>(w.cloud, 'stars', 'get', {}, 'plain')).toMatchObject({
      level: 1,
      earnedMinutes: 6000,
    });
    const poor = await w.served(['plain']);
    await ok(
      w.cloud,
      'timebank',
      'adjust',
      {
        postId: posts[0].postId,
        volunteerId: id('plain'),
        minutes: 1200,
        rating: 1,
        reason: '评分更正',
        requestId: 'poor-first-1',
      },
      'leader',
    );
    await ok(
      w.cloud,
      'timebank',
      'record',
      {
        postId: poor.postId,
        entries: [{ volunteerId: id('plain'), minutes: 0, rating: 1, reason: '集中补录历史服务' }],
      },
      'leader',
    );
    // ratings 1, 4, 4, 4, 4, 1 → 3.0 exactly keeps the star; one more low rating takes it.
    expect(await ok<StarsResponse>(w.cloud, 'stars', 'get', {}, 'plain')).toMatchObject({ level: 1, averageRating: 3 });
    await ok(
      w.cloud,
      'timebank',
      'adjust',
      {
        postId: posts[1].postId,
        volunteerId: id('plain'),
        minutes: 1200,
        rating: 3,
        reason: '评分更正',
        requestId: 'poor-final-1',
      },
      'leader',
    );
    expect(await ok<StarsResponse>(w.cloud, 'stars', 'get', {}, 'plain')).toMatchObject({
      level: 0,
      averageRating: 2.83,
    });
    await expectStoredLevel('plain', 0);
    const changes = await w.docs<{ from: number; to: number }>('star_changes', { volunteerId: id('plain') });
    expect(changes.map((c) => [c.from, c.to])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('takes the star away when a correction lowers the hours below 100, on the card and in 我的', async () => {
    await expectStoredLevel('star', 1);
    await ok(
      w.cloud,
      'timebank',
      'adjust',
      {
        postId: posts[4].postId,
        volunteerId: id('star'),
        minutes: 6000 - 4 * 1440 - 30,
        reason: '多录了半小时',
        requestId: 'star-down-1',
      },
      'leader',
    );
    expect(await ok<StarsResponse>(w.cloud, 'stars', 'get', {}, 'star')).toMatchObject({
      level: 0,
      earnedMinutes: 5970,
      next: { level: 1, minutesNeeded: 30, tenureNeededDays: 0 },
    });
    await expectStoredLevel('star', 0);
    const changes = await w.docs<{ from: number; to: number; cause: string }>('star_changes', {
      volunteerId: id('star'),
    });
    expect(changes.map((c) => [c.from, c.to, c.cause])).toEqual([
      [0, 1, 'adjust'],
      [1, 0, 'adjust'],
    ]);
    // The daily recompute agrees with what was stored: nothing left to change.
    expect(await ok<RecomputeResponse>(w.cloud, 'stars', 'recompute', {}, HQ)).toMatchObject({ changed: 0 });
  });
});

/** The level a volunteer sees where it is read back from storage: the card, 我的 (volunteers.me) and the document. */
async function expectStoredLevel(openid: string, level: number): Promise<void> {
  expect((await ok<CardResponse>(w.cloud, 'volunteers', 'card', {}, openid)).stars).toBe(level);
  const me = await ok<MeResponse>(w.cloud, 'volunteers', 'me', {}, openid);
  expect(me).toMatchObject({ registered: true, stars: level });
  const [stored] = await w.docs<{ stars: number }>('volunteers', { _id: id(openid) });
  expect(stored.stars).toBe(level);
}

describe('honours', () => {
  it('hq awards 优秀义工 per year and 功勋义工 once; repeats are refused', async () => {
    const award = await ok<Listed>(
      w.cloud,
      'stars',
      'award',
      { cardNo: w.people.star.cardNo, honour: 'outstanding', year: 2026, reason: '全年服务超过百小时' },
      HQ,
    );
    expect(award).toMatchObject({ honour: 'outstanding', year: 2026, name: '李星', cardNo: w.people.star.cardNo });
    const again = await fails(
      w.cloud,
      'stars',
      'award',
      { cardNo: w.people.star.cardNo, honour: 'outstanding', year: 2026, reason: '重复' },
      HQ,
    );
    expect(again).toMatchObject({ code: 'ALREADY_EXISTS', message: '李星已获得2026 年度优秀义工称号' });
    await ok(
      w.cloud,
      'stars',
      'award',
      { cardNo: w.people.star.cardNo, honour: 'outstanding', year: 2025, reason: '连续两年' },
      HQ,
    );
    await ok(
      w.cloud,
      'stars',
      'award',
      { cardNo: w.people.plain.cardNo, honour: 'meritorious', reason: '长期坚持' },
      HQ,
    );
    expect(
      (
        await fails(
          w.cloud,
          'stars',
          'award',
          { cardNo: w.people.plain.cardNo, honour: 'meritorious', reason: '再次' },
          HQ,
        )
      ).code,
    ).toBe('ALREADY_EXISTS');
    expect(
      (
        await fails(
          w.cloud,
          'stars',
          'award',
          { cardNo: w.people.plain.cardNo, honour: 'outstanding', reason: '缺年度' },
          HQ,
        )
      ).code,
    ).toBe('INVALID_ARGUMENT');
    expect(
      (
        await fails(
          w.cloud,
          'stars',
          'award',
          { cardNo: 'ZSBA-2026-999999', honour: 'meritorious', reason: '无此人' },
          HQ,
        )
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('lists them newest first, filtered by honour and year, and shows them on the card', async () => {
    const all = await ok<Page<Listed>>(w.cloud, 'stars', 'honours', {}, 'plain');
    expect(all.items.map((h) => [h.name, h.honour, h.year])).toEqual([
      ['王平', 'meritorious', undefined],
      ['李星', 'outstanding', 2025],
      ['李星', 'outstanding', 2026],
    ]);
    const y2026 = await ok<Page<Listed>>(w.cloud, 'stars', 'honours', { honour: 'outstanding', year: 2026 }, HQ);
    expect(y2026.items.map((h) => h.year)).toEqual([2026]);
    const first = await ok<Page<Listed>>(w.cloud, 'stars', 'honours', { pageSize: 2 }, HQ);
    const rest = await ok<Page<Listed>>(w.cloud, 'stars', 'honours', { pageSize: 2, cursor: first.nextCursor }, HQ);
    expect([...first.items, ...rest.items].map((h) => h.honourId)).toEqual(all.items.map((h) => h.honourId));
    const card = await ok<CardResponse>(w.cloud, 'volunteers', 'card', {}, 'star');
    expect(card.honours.map((h) => h.year)).toEqual([2025, 2026]);
  });
});

describe('who may do what', () => {
  it.each([
    ['a visitor', 'visitor-1', 'UNAUTHENTICATED', 'PERMISSION_DENIED', 'PERMISSION_DENIED', 'UNAUTHENTICATED'],
    ['a volunteer', 'plain', 'ok', 'PERMISSION_DENIED', 'PERMISSION_DENIED', 'ok'],
    ['a leader', 'leader', 'ok', 'PERMISSION_DENIED', 'PERMISSION_DENIED', 'ok'],
    ['hq (not registered)', HQ, 'UNAUTHENTICATED', 'ok', 'ALREADY_EXISTS', 'ok'],
  ])(
    '%s (%s): get → %s, recompute → %s, award → %s, honours → %s',
    async (_who, openid, get, recompute, award, honours) => {
      const codeOf = (r: { body: { ok: boolean; code?: string } }) => (r.body.ok ? 'ok' : r.body.code);
      expect(codeOf(await call(w.cloud, 'stars', 'get', {}, openid))).toBe(get);
      expect(codeOf(await call(w.cloud, 'stars', 'recompute', {}, openid))).toBe(recompute);
      expect(
        codeOf(
          await call(
            w.cloud,
            'stars',
            'award',
            { cardNo: w.people.plain.cardNo, honour: 'meritorious', reason: '测试' },
            openid,
          ),
        ),
      ).toBe(award);
      expect(codeOf(await call(w.cloud, 'stars', 'honours', {}, openid))).toBe(honours);
    },
  );
});
