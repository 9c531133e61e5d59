// Volunteers are counted by town: moving town in the profile moves the count, so hq's figures stay true.
import type { OverviewResponse } from '../../typings/api/stats';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, ok, registration } from './helpers';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ env: { HQ_OPENIDS: HQ } });
});
afterAll(() => cloud.stop());

const townCount = (overview: OverviewResponse, town: string) =>
  overview.byTown.find((t) => t.town === town)?.volunteers ?? 0;

it('moves the volunteer from the old town to the new one', async () => {
  await ok(cloud, 'volunteers', 'register', registration({ town: '石岐区' }), 'mover');
  await ok(cloud, 'volunteers', 'register', registration({ town: '石岐区', mobile: '13900000001' }), 'stayer');
  let overview = await ok<OverviewResponse>(cloud, 'stats', 'overview', {}, HQ);
  expect([townCount(overview, '石岐区'), townCount(overview, '东区'), overview.volunteers]).toEqual([2, 0, 2]);

  await ok(cloud, 'volunteers', 'update', { town: '东区' }, 'mover');
  overview = await ok<OverviewResponse>(cloud, 'stats', 'overview', {}, HQ);
  expect([townCount(overview, '石岐区'), townCount(overview, '东区'), overview.volunteers]).toEqual([1, 1, 2]);
  expect(await ok(cloud, 'stats', 'reconcile', {}, HQ)).toMatchObject({ repaired: 0 });
});
