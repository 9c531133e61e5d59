// Honours appear on the profile (我的) as well as on the card, with no extra read for `volunteers.me`.
import type { MeResponse } from '../../typings/api/volunteers';
import type { Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, call, ok, registration } from './helpers';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ env: { HQ_OPENIDS: HQ } });
});
afterAll(() => cloud.stop());

it('shows every honour held on the profile, newest first, within the request budget', async () => {
  const profile = await ok<Profile>(cloud, 'volunteers', 'register', registration(), 'honoured');
  expect((await ok<MeResponse>(cloud, 'volunteers', 'me', {}, 'honoured')).honourTitles).toBeUndefined();
  await ok(
    cloud,
    'stars',
    'award',
    { cardNo: profile.cardNo, honour: 'outstanding', year: 2026, reason: '坚持探访' },
    HQ,
  );
  await ok(cloud, 'stars', 'award', { cardNo: profile.cardNo, honour: 'meritorious', reason: '十年如一日' }, HQ);
  const me = await call<MeResponse>(cloud, 'volunteers', 'me', {}, 'honoured');
  expect(me.body.ok && me.body.data.honourTitles).toEqual(['功勋义工', '2026 年度优秀义工']);
  expect(me.metrics.requests).toBeLessThanOrEqual(5);
  const again = await call(
    cloud,
    'stars',
    'award',
    { cardNo: profile.cardNo, honour: 'meritorious', reason: '重复' },
    HQ,
  );
  expect(again.body).toMatchObject({ ok: false, code: 'ALREADY_EXISTS' });
  expect((await ok<MeResponse>(cloud, 'volunteers', 'me', {}, 'honoured')).honourTitles).toHaveLength(2);
});
