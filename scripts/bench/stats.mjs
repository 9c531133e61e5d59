// hq statistics at scale: documents read and time of stats.overview at 1k and 20k volunteers (each with two service
// records), side by side with a naive full scan of the same data (paged reads of volunteers and service records), as
// a ratio. Bulk data goes straight into the local database; the counters come from the reconciliation's recount.
import { performance } from 'node:perf_hooks';
import { HQ, startBenchCloud } from './cloud.mjs';
import { table } from './table.mjs';

const DAY = 86_400_000;
const BRIGADES = 40;
const TOWNS = ['石岐区', '东区', '西区', '南区', '五桂山', '火炬开发区', '小榄镇', '黄圃镇', '沙溪镇', '坦洲镇'];
const CATEGORIES = ['探访慰问', '义诊', '义剪', '课业辅导', '助餐'];

export async function benchStats(root) {
  const now = Date.now();
  const { cloud, call: callAs } = await startBenchCloud(root);
  const insert = (collection, docs) => {
    for (let i = 0; i < docs.length; i += 1000) {
      cloud.db.handle('database.insertDocument', {
        collectionName: collection,
        data: docs.slice(i, i + 1000).map((d) => JSON.stringify(d)),
      });
    }
  };
  const call = (event) => callAs('stats', event, HQ);
  /** What a naive implementation does: page through every volunteer and every service record and count. */
  const naiveScan = () => {
    const metrics = { requests: 0, docsRead: 0, docsWritten: 0 };
    const started = performance.now();
    let minutes = 0;
    for (const collection of ['volunteers', 'service_records']) {
      for (let offset = 0; ; offset += 1000) {
        const page = cloud.db.handle(
          'database.getDocument',
          { collectionName: collection, queryType: 'WHERE', query: '{}', limit: 1000, offset },
          metrics,
        );
        for (const s of page.list) minutes += JSON.parse(s).minutes ?? 0;
        if (page.list.length < 1000) break;
      }
    }
    return { metrics, ms: performance.now() - started, minutes };
  };

  let seeded = 0;
  const growTo = async (total) => {
    const volunteers = [];
    const records = [];
    for (let i = seeded; i < total; i += 1) {
      const registeredAt = now - (i % 365) * DAY;
      volunteers.push({
        _id: `v${i}`,
        openid: `o${i}`,
        cardNo: `ZSBA-2026-${String(i).padStart(6, '0')}`,
        name: `义工${i}`,
        town: TOWNS[i % TOWNS.length],
        registeredAt,
        ...(i % 3 === 0 ? { lastServedAt: now - (i % 120) * DAY } : {}),
      });
      for (let k = 0; k < 2; k += 1) {
        const b = (i + k) % BRIGADES;
        const absent = (i + k) % 10 === 0;
        records.push({
          _id: `p${i}-${k}:v${i}`,
          postId: `p${i}-${k}`,
          brigadeId: `b${b}`,
          brigadeName: `第${b}大队`,
          category: CATEGORIES[(i + k) % CATEGORIES.length],
          volunteerId: `v${i}`,
          status: absent ? 'absent' : 'attended',
          minutes: absent ? 0 : 60 + (i % 4) * 30,
          serviceDate: Math.min(registeredAt + k * 7 * DAY, now),
        });
      }
    }
    insert('volunteers', volunteers);
    insert('service_records', records);
    seeded = total;
    return call({ action: 'reconcile' });
  };

  try {
    insert(
      'brigades',
      Array.from({ length: BRIGADES }, (_, b) => ({
        _id: `b${b}`,
        name: `第${b}大队`,
        town: TOWNS[b % TOWNS.length],
        memberCount: 0,
        leaderIds: [],
        leaders: [],
        createdAt: now - 400 * DAY,
      })),
    );
    const rows = [];
    const measured = [];
    for (const size of [1000, 20000]) {
      const reconciled = await growTo(size);
      await call({ action: 'overview' }); // warm the function instance
      const overview = await call({ action: 'overview' });
      const naive = naiveScan();
      measured.push(overview.metrics.docsRead);
      rows.push([
        `${size / 1000}k volunteers, ${(2 * size) / 1000}k records: stats.overview`,
        `${overview.metrics.docsRead} docs, ${overview.metrics.requests} requests, ${overview.ms.toFixed(0)} ms`,
        'bounded (months)',
        overview.data.volunteers === size ? 'ok' : 'WRONG',
      ]);
      const docsRatio = naive.metrics.docsRead / Math.max(1, overview.metrics.docsRead);
      const timeRatio = naive.ms / Math.max(0.1, overview.ms);
      rows.push([
        `${size / 1000}k: naive full scan (volunteers + service_records)`,
        `${naive.metrics.docsRead} docs, ${naive.metrics.requests} requests, ${naive.ms.toFixed(0)} ms` +
          ` = ${docsRatio.toFixed(0)}× the docs, ${timeRatio.toFixed(1)}× the time`,
        '(comparison)',
        'ok',
      ]);
      rows.push([
        `${size / 1000}k: stats.reconcile (nightly recount)`,
        `${reconciled.metrics.docsRead} docs, ${reconciled.ms.toFixed(0)} ms, ${reconciled.data.checked} months`,
        '< 40 s per run',
        reconciled.ms < 40_000 ? 'ok' : 'OVER',
      ]);
    }
    rows.push([
      'stats.overview docs read, 1k vs 20k',
      `${measured[0]} vs ${measured[1]}`,
      'equal',
      measured[0] === measured[1] ? 'ok' : 'OVER',
    ]);
    return table('hq statistics: counter documents vs a naive scan (local cloud metrics)', rows);
  } finally {
    await cloud.stop();
  }
}
