// The local database at scale (SPEC: an indexed equality or range query with orderBy + limit 20 as fast at 100,000
// documents as at 1,000, within 2×): the feed's query on `posts` (status, visibility, startAt from now, by startAt,
// 20), a brigade's posts (brigadeId equality by startAt, 50 a brigade) and a time range alone, median of many runs.
// Bulk data goes straight into the database through its wire actions.
import { performance } from 'node:perf_hooks';
import { startBenchCloud } from './cloud.mjs';
import { table } from './table.mjs';

const DAY = 86_400_000;
const RUNS = 201;
const LABELS = {
  feed: 'feed: open public posts from now by startAt',
  brigade: 'a brigade: brigadeId by startAt desc',
  range: 'the next 30 days: startAt range by startAt',
};

export async function benchDb(root) {
  const now = Date.UTC(2026, 11, 1);
  const { cloud } = await startBenchCloud(root);
  const db = cloud.db;
  let seeded = 0;
  const growTo = (total) => {
    for (let i = seeded; i < total; i += 1000) {
      const data = [];
      for (let j = i; j < Math.min(total, i + 1000); j += 1) {
        data.push(
          JSON.stringify({
            _id: `p${j}`,
            title: `招募${j}`,
            brigadeId: `b${Math.floor(j / 50)}`, // 50 posts a brigade at any size
            status: j % 10 === 0 ? 'closed' : 'open',
            visibility: j % 7 === 0 ? 'brigade' : 'public',
            startAt: { $date: now - 180 * DAY + ((j * 7919) % total) * ((360 * DAY) / total) },
          }),
        );
      }
      db.handle('database.insertDocument', { collectionName: 'posts', data });
    }
    seeded = total;
  };
  const queries = {
    feed: {
      query: JSON.stringify({ status: 'open', visibility: 'public', startAt: { $gte: { $date: now } } }),
      order: JSON.stringify({ startAt: 1 }),
    },
    brigade: { query: JSON.stringify({ brigadeId: 'b7' }), order: JSON.stringify({ startAt: -1 }) },
    range: {
      query: JSON.stringify({ startAt: { $gte: { $date: now }, $lt: { $date: now + 30 * DAY } } }),
      order: JSON.stringify({ startAt: 1 }),
    },
  };
  const measure = (name) => {
    const params = { collectionName: 'posts', queryType: 'WHERE', limit: 20, offset: 0, ...queries[name] };
    const times = [];
    let list = [];
    for (let r = 0; r < RUNS; r += 1) {
      const started = performance.now();
      list = db.handle('database.getDocument', params).list;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(RUNS / 2)], count: list.length };
  };
  try {
    const results = {};
    for (const size of [1000, 100_000]) {
      growTo(size);
      results[size] = Object.fromEntries(Object.keys(LABELS).map((name) => [name, measure(name)]));
    }
    const rows = [];
    for (const [name, label] of Object.entries(LABELS)) {
      const [small, large] = [results[1000][name], results[100_000][name]];
      rows.push([
        `${label}, limit 20, 1k posts`,
        `${small.ms.toFixed(2)} ms (${small.count} docs)`,
        '(reference)',
        'ok',
      ]);
      const ratio = large.ms / small.ms;
      rows.push([
        `${label}, limit 20, 100k posts`,
        `${large.ms.toFixed(2)} ms (${large.count} docs) = ${ratio.toFixed(2)}× 1k`,
        '≤ 2× 1k',
        ratio <= 2 && large.count === 20 ? 'ok' : 'OVER',
      ]);
    }
    return table(`Local database: indexed queries at 1k and 100k documents (median of ${RUNS})`, rows);
  } finally {
    await cloud.stop();
  }
}
