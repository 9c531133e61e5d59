// A town's coordinator sees that town's figures only (overview, a brigade's, the CSV); another town is refused.
import type { BrigadeStatsResponse, ExportResponse, OverviewResponse } from '../../typings/api/stats';
import type { Brigade, Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, fails, ok, registration } from './helpers';

let cloud: TestCloud;
let east: Brigade;
let west: Brigade;

const overview = (openid: string, params: object = {}) =>
  ok<OverviewResponse>(cloud, 'stats', 'overview', params, openid);
const brigade = (name: string, town: string) =>
  ok<Brigade>(cloud, 'brigades', 'create', { name, town, joinMode: 'open' }, HQ);

beforeAll(async () => {
  cloud = await startTestCloud({ env: { HQ_OPENIDS: HQ } });
  const su = await ok<Profile>(cloud, 'volunteers', 'register', registration({ town: '东区' }), 'su');
  for (const [i, town] of (['东区', '东区', '西区', '石岐区'] as const).entries()) {
    await ok(cloud, 'volunteers', 'register', registration({ town, mobile: `1350000000${i}` }), `v${i}`);
  }
  east = await brigade('东区一大队', '东区');
  await brigade('东区二大队', '东区');
  west = await brigade('西区大队', '西区');
  await brigade('石岐大队', '石岐区');
  for (const town of ['东区', '石岐区']) {
    await ok(cloud, 'brigades', 'setCoordinator', { town, cardNo: su.cardNo }, HQ);
  }
}, 60_000);
afterAll(() => cloud.stop());

describe('a coordinator’s figures', () => {
  it('default to their first town (in the fixed order) and show nothing of other towns', async () => {
    const figures = await overview('su');
    expect(figures).toMatchObject({ volunteers: 1, brigades: 1 });
    expect(figures.byTown.map((t) => t.town)).toEqual(['石岐区']);
    expect(figures.byBrigade.map((b) => b.name)).toEqual(['石岐大队']);
  });

  it('show the town asked for when it is theirs', async () => {
    const figures = await overview('su', { town: '东区' });
    expect(figures).toMatchObject({ volunteers: 3, brigades: 2 });
    expect(figures.byBrigade.map((b) => b.name).sort()).toEqual(['东区一大队', '东区二大队']);
    expect((await overview(HQ)).volunteers).toBe(5);
  });

  it('are refused for another town, and for someone who coordinates nothing', async () => {
    const other = await fails(cloud, 'stats', 'overview', { town: '西区' }, 'su');
    expect(other.code).toBe('PERMISSION_DENIED');
    expect(other.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await fails(cloud, 'stats', 'overview', {}, 'v0')).code).toBe('PERMISSION_DENIED');
    expect((await fails(cloud, 'stats', 'export', { town: '西区' }, 'su')).code).toBe('PERMISSION_DENIED');
  });

  it('include a brigade of their town, not one of another town', async () => {
    const mine = await ok<BrigadeStatsResponse>(cloud, 'stats', 'brigade', { brigadeId: east.brigadeId }, 'su');
    expect(mine.name).toBe('东区一大队');
    const other = await fails(cloud, 'stats', 'brigade', { brigadeId: west.brigadeId }, 'su');
    expect(other.code).toBe('PERMISSION_DENIED');
  });

  it('export their town’s brigades only', async () => {
    const { csv } = await ok<ExportResponse>(cloud, 'stats', 'export', { town: '东区' }, 'su');
    expect(csv).toContain('东区一大队');
    expect(csv).not.toContain('西区大队');
    expect(csv).not.toContain('石岐大队');
    expect((await ok<ExportResponse>(cloud, 'stats', 'export', {}, HQ)).csv).toContain('西区大队');
  });
});
