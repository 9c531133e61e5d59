// stats.overview reads a bounded number of documents whatever the data size (SPEC "Budgets"): the same documents
// at 1,000 and 5,000 volunteers with their service records (20,000 is in `npm run bench`, too slow for a test).
import type { OverviewResponse } from '../../typings/api/stats';
import { TOWNS } from '../../typings/data';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, ok } from './helpers';

const NOW = Date.UTC(2026, 10, 28, 1, 0);
const DAY = 86_400_000;
const BRIGADES = 12;
let cloud: TestCloud;
let seeded = 0;

async function insert(collection: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 1000) {
    await cloud.db.handle('database.insertDocument', {
      collectionName: collection,
      data: docs.slice(i, i + 1000).map((d) => JSON.stringify(d)),
    });
  }
}

/** Volunteers up to `total`, each registered in the last year with two service records; counters recounted. */
async function growTo(total: number): Promise<void> {
  const volunteers: object[] = [];
  const records: object[] = [];
  for (let i = seeded; i < total; i += 1) {
    const registeredAt = NOW - (i % 360) * DAY;
    volunteers.push({
      _id: `v${i}`,
      openid: `o${i}`,
      cardNo: `ZSBA-2026-${String(i).padStart(6, '0')}`,
      name: `义工${i}`,
      town: TOWNS[i % TOWNS.length],
      registeredAt,
      ...(i % 3 === 0 ? { lastServedAt: NOW - (i % 120) * DAY } : {}),
    });
    for (let k = 0; k < 2; k += 1) {
      const b = (i + k) % BRIGADES;
      records.push({
        _id: `p${i}-${k}:v${i}`,
        postId: `p${i}-${k}`,
        brigadeId: `b${b}`,
        brigadeName: `第${b}大队`,
        category: '探访慰问',
        volunteerId: `v${i}`,
        status: (i + k) % 10 === 0 ? 'absent' : 'attended',
        minutes: (i + k) % 10 === 0 ? 0 : 60,
        serviceDate: registeredAt + k * DAY,
      });
    }
  }
  await insert('volunteers', volunteers);
  await insert('service_records', records);
  seeded = total;
  await ok(cloud, 'stats', 'reconcile', {}, HQ);
}

beforeAll(async () => {
  cloud = await startTestCloud({ now: NOW, env: { HQ_OPENIDS: HQ } });
  await insert(
    'brigades',
    Array.from({ length: BRIGADES }, (_, b) => ({
      _id: `b${b}`,
      name: `第${b}大队`,
      town: TOWNS[b],
      memberCount: 0,
      leaderIds: [],
      leaders: [],
      createdAt: NOW - 400 * DAY,
    })),
  );
}, 30_000);
afterAll(() => cloud.stop());

it('stats.overview reads the same documents at 1,000 and 5,000 volunteers', async () => {
  await growTo(1000);
  const small = await cloud.request<{ ok: true; data: OverviewResponse }>('stats', { action: 'overview' }, HQ);
  await growTo(5000);
  const large = await cloud.request<{ ok: true; data: OverviewResponse }>('stats', { action: 'overview' }, HQ);
  expect(small.body.data.volunteers).toBe(1000);
  expect(large.body.data.volunteers).toBe(5000);
  expect(large.body.data.sessions + large.body.data.noShows).toBe(10_000);
  expect(large.body.data.activeVolunteers).toBeGreaterThan(small.body.data.activeVolunteers);
  // One counter document per month (a year and a bit), and a count that reads none.
  expect(large.metrics.docsRead).toBe(small.metrics.docsRead);
  expect(large.metrics.requests).toBe(small.metrics.requests);
  expect(large.metrics.docsRead).toBeLessThanOrEqual(14);
}, 60_000);
