// 招募来源: sign-ups and joins count by where they came from (a chat card, Moments, a scanned poster, the feed), for
// the brigade and its town, by the writes themselves; the recount repairs planted drift; a bad source writes nothing.
import type { InviteResponse } from '../../typings/api/brigades';
import type { BrigadeStatsResponse, ExportResponse, OverviewResponse } from '../../typings/api/stats';
import { HQ, fails, ok } from './helpers';
import { timebankWorld, type TimebankWorld } from './timebank-world';

let w: TimebankWorld;
let code: string;

beforeAll(async () => {
  w = await timebankWorld();
  for (const openid of ['s-chat', 's-moments', 's-poster', 's-feed', 's-bad']) await w.register(openid);
  code = (await ok<InviteResponse>(w.cloud, 'brigades', 'invite', { brigadeId: w.brigade.brigadeId }, 'leader')).code;
});
afterAll(() => w.cloud.stop());

const overview = (params: object = {}) => ok<OverviewResponse>(w.cloud, 'stats', 'overview', params, HQ);
const brigadeStats = () =>
  ok<BrigadeStatsResponse>(w.cloud, 'stats', 'brigade', { brigadeId: w.brigade.brigadeId }, 'leader');

describe('where sign-ups and joins came from', () => {
  it('counts each sign-up and join by its source for the brigade, its town and the city', async () => {
    const post = await w.post({ quota: 2 });
    await ok(w.cloud, 'posts', 'signup', { postId: post.postId, source: 'poster' }, 's-poster');
    await ok(w.cloud, 'posts', 'signup', { postId: post.postId, source: 'moments' }, 's-moments');
    // Beyond the quota: the waitlist counts as a sign-up too; the default source is the feed.
    await ok(w.cloud, 'posts', 'signup', { postId: post.postId }, 's-feed');
    // Signing up again changes nothing.
    await ok(w.cloud, 'posts', 'signup', { postId: post.postId, source: 'chat' }, 's-poster');
    await ok(w.cloud, 'brigades', 'join', { code, source: 'poster' }, 's-poster');
    await ok(w.cloud, 'brigades', 'join', { code }, 's-chat');
    await ok(w.cloud, 'brigades', 'join', { code, source: 'moments' }, 's-chat');
    // From the brigade's own page, with no invite: the feed unless the page came from Moments.
    await ok(w.cloud, 'brigades', 'apply', { brigadeId: w.brigade.brigadeId }, 's-feed');
    await ok(w.cloud, 'brigades', 'apply', { brigadeId: w.brigade.brigadeId, source: 'moments' }, 's-moments');

    const expected = {
      signups: { chat: 0, moments: 1, poster: 1, feed: 1 },
      joins: { chat: 1, moments: 1, poster: 1, feed: 1 },
    };
    expect((await overview()).sources).toEqual(expected);
    expect((await overview({ town: w.brigade.town })).sources).toEqual(expected);
    expect((await overview({ town: '东区' })).sources.signups.poster).toBe(0);
    expect((await brigadeStats()).sources).toEqual(expected);
    const stored = await w.docs<{ source: string }>('signups', { postId: post.postId });
    expect(stored.map((s) => s.source).sort()).toEqual(['feed', 'moments', 'poster']);
    const csv = (await ok<ExportResponse>(w.cloud, 'stats', 'export', {}, HQ)).csv;
    expect(csv).toContain('招募来源');
    expect(csv).toContain('海报扫码,1,1');
  });

  it('refuses a source it does not know, writing nothing', async () => {
    const post = await w.post();
    const error = await fails(w.cloud, 'posts', 'signup', { postId: post.postId, source: 'radio' }, 's-bad');
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '请选择有效的来源' });
    expect(await w.docs('signups', { postId: post.postId })).toHaveLength(0);
    const join = await fails(w.cloud, 'brigades', 'join', { code, source: 'radio' }, 's-bad');
    expect(join.code).toBe('INVALID_ARGUMENT');
    const apply = await fails(
      w.cloud,
      'brigades',
      'apply',
      { brigadeId: w.brigade.brigadeId, source: 'radio' },
      's-bad',
    );
    expect(apply).toMatchObject({ code: 'INVALID_ARGUMENT', message: '请选择有效的来源' });
    expect(await w.docs('memberships', { volunteerId: w.people['s-bad'].volunteerId })).toHaveLength(0);
  });

  it('repairs drifted source counters from the sign-ups and joins at the nightly recount', async () => {
    const before = await overview();
    const month = before.byMonth[before.byMonth.length - 1]?.month ?? '';
    const months = await w.docs<{ _id: string; total?: Record<string, number> }>('stats', { kind: 'month' });
    const counted = months.find((m) => (m.total?.signupsPoster ?? 0) > 0)?._id ?? `month:${month}`;
    await w.cloud.db.handle('database.modifyDocument', {
      collectionName: 'stats',
      queryType: 'WHERE',
      query: JSON.stringify({ _id: counted }),
      data: JSON.stringify({
        $set: { 'total.signupsPoster': 40, [`byBrigade.${w.brigade.brigadeId}.joinsChat`]: 9 },
        $unset: { 'total.joinsPoster': '' },
      }),
    });
    expect((await overview()).sources.signups.poster).toBe(40);
    const result = await ok<{ repaired: number }>(w.cloud, 'stats', 'reconcile', {}, HQ);
    expect(result.repaired).toBeGreaterThanOrEqual(1);
    expect((await overview()).sources).toEqual(before.sources);
    expect((await brigadeStats()).sources.joins.chat).toBe(1);
  });
});
