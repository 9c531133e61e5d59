// A renamed brigade shows its new name in hq's statistics and CSV at once — in every month, not only after the
// nightly reconciliation — and later changes to posts made before the rename do not bring the old name back.
import type { ExportResponse, OverviewResponse } from '../../typings/api/stats';
import type { Brigade, Post, Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, ok, registration } from './helpers';

// 2026-06-10 10:00 in Zhongshan.
const NOW = Date.UTC(2026, 5, 10, 2);
const DAY = 24 * 3_600_000;
const JUNE = { from: Date.UTC(2026, 5, 1), to: Date.UTC(2026, 5, 20) };

let cloud: TestCloud;
let brigade: Brigade;

const post = (startAt: number) =>
  ok<Post>(
    cloud,
    'posts',
    'create',
    {
      brigadeId: brigade.brigadeId,
      title: '探访独居长者',
      description: '上门陪伴聊天，帮忙整理家务。',
      category: '探访慰问',
      address: '石岐区悦来南路 1 号',
      startAt,
      endAt: startAt + 2 * 3_600_000,
      quota: 3,
    },
    'leader',
  );

const names = async (period: object = {}) =>
  (await ok<OverviewResponse>(cloud, 'stats', 'overview', period, HQ)).byBrigade.map((b) => b.name);

beforeAll(async () => {
  cloud = await startTestCloud({ env: { HQ_OPENIDS: HQ }, now: NOW });
  const leader = await ok<Profile>(cloud, 'volunteers', 'register', registration(), 'leader');
  brigade = await ok<Brigade>(
    cloud,
    'brigades',
    'create',
    { name: '旧名博爱大队', town: '石岐区', joinMode: 'open' },
    HQ,
  );
  await ok(cloud, 'brigades', 'setLeader', { brigadeId: brigade.brigadeId, cardNo: leader.cardNo }, HQ);
});
afterAll(() => cloud.stop());

it('shows the new name in the overview, every month of it, and the CSV, straight after the rename', async () => {
  await post(NOW + 2 * DAY);
  const july = await post(NOW + 40 * DAY);
  expect(await names()).toEqual(['旧名博爱大队']);

  await ok(cloud, 'brigades', 'update', { brigadeId: brigade.brigadeId, name: '新名博爱大队' }, 'leader');

  expect(await names()).toEqual(['新名博爱大队']);
  expect(await names(JUNE)).toEqual(['新名博爱大队']);
  const { csv } = await ok<ExportResponse>(cloud, 'stats', 'export', {}, HQ);
  expect(csv).toContain('\r\n新名博爱大队,石岐区,2,');
  expect(csv).not.toContain('旧名');

  // Cancelling a post published under the old name keeps the new one.
  await ok(cloud, 'posts', 'cancel', { postId: july.postId, reason: '天气原因' }, 'leader');
  expect(await names()).toEqual(['新名博爱大队']);
  const listed = await ok<{ items: Post[] }>(cloud, 'posts', 'list', { brigadeId: brigade.brigadeId }, 'leader');
  expect(listed.items.map((p) => p.brigadeName)).toEqual(['新名博爱大队']);
});
