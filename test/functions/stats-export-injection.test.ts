// hq's CSV export is safe to open: a brigade named like a formula comes out as text, not as something Excel runs.
import type { ExportResponse } from '../../typings/api/stats';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, ok } from './helpers';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ env: { HQ_OPENIDS: HQ } });
});
afterAll(() => cloud.stop());

it('writes formula-like brigade names as quoted text with a leading quote', async () => {
  const names = ["=1+2+cmd|' /C calc'!A0", '+1博爱大队', '-1博爱大队', '@SUM(1)'];
  for (const name of names) await ok(cloud, 'brigades', 'create', { name, town: '东区', joinMode: 'open' }, HQ);
  await ok(cloud, 'brigades', 'create', { name: '东区博爱大队', town: '东区', joinMode: 'open' }, HQ);

  const { csv } = await ok<ExportResponse>(cloud, 'stats', 'export', {}, HQ);
  const firstCells = csv
    .slice(1)
    .split('\r\n\r\n')[0]
    .split('\r\n')
    .slice(1, -1)
    .map((line) => line.slice(0, line.indexOf(',东区,')));

  expect(firstCells.sort()).toEqual(
    [`"'=1+2+cmd|' /C calc'!A0"`, `"'+1博爱大队"`, `"'-1博爱大队"`, `"'@SUM(1)"`, '东区博爱大队'].sort(),
  );
});
