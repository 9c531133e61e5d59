// Reminders at city scale: 5,000 due reminders (100 posts × 50 confirmed sign-ups, put straight into the local
// database) drained by three overlapping runs of the reminders timer, then more waves of three until nothing is due.
// Prints what was sent against the 5,000 (each recipient counted in the open-API outbox: duplicates, lost), each
// run's duration against the function's timeout, and the database requests per reminder.
// Alone: `node scripts/bench/reminders.mjs` (builds first).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startBenchCloud } from './cloud.mjs';
import { table, verdict } from './table.mjs';

const TOTAL = 5000;
const PER_POST = 50;
const OVERLAP = 3;
const MAX_WAVES = 20;
const TEMPLATE = 'bench-reminder-template';
const HOUR = 3_600_000;
/** Requests per reminder the timer may make (claim and records batched; SPEC: small per reminder). */
const REQUESTS_BUDGET = 0.5;

export function seedReminders(cloud, now) {
  const insert = (collectionName, docs) => {
    for (let i = 0; i < docs.length; i += 1000) {
      cloud.db.handle('database.insertDocument', {
        collectionName,
        data: docs.slice(i, i + 1000).map((d) => JSON.stringify(d)),
      });
    }
  };
  const startAt = now + 2 * HOUR - 60_000;
  const posts = Array.from({ length: TOTAL / PER_POST }, (_, p) => ({
    _id: `post-${p}`,
    brigadeId: `b${p % 40}`,
    brigadeName: `第${p % 40}大队`,
    town: '石岐区',
    title: `周六探访独居长者 第${p}场`,
    address: '石岐区悦来南路 1 号',
    category: '探访慰问',
    status: 'published',
    startAt,
    endAt: startAt + 2 * HOUR,
    quota: PER_POST,
    createdAt: now - 24 * HOUR,
  }));
  const people = Array.from({ length: TOTAL }, (_, i) => `o${i}`);
  insert('posts', posts);
  insert(
    'signups',
    people.map((openid, i) => ({
      _id: `s${i}`,
      postId: `post-${Math.floor(i / PER_POST)}`,
      volunteerId: `v${i}`,
      status: 'confirmed',
      startAt,
      createdAt: now - HOUR,
    })),
  );
  insert(
    'outbox',
    people.map((openid, i) => {
      const key = `reminder:signup:s${i}|${TEMPLATE}`;
      return {
        _id: key,
        key,
        kind: 'reminder',
        templateId: TEMPLATE,
        subject: `signup:s${i}`,
        grantId: `signup:s${i}|${TEMPLATE}`,
        touser: openid,
        postId: `post-${Math.floor(i / PER_POST)}`,
        signupId: `s${i}`,
        status: 'pending',
        // Due over the last 20 minutes, as a busy Saturday morning would queue them.
        dueAt: now - (i % 20) * 60_000,
        attempts: 0,
        history: [{ at: now - HOUR, event: 'queued' }],
        createdAt: now - HOUR,
        updatedAt: now - HOUR,
      };
    }),
  );
  return people;
}

export async function benchReminders(root) {
  const timeoutS = JSON.parse(readFileSync(join(root, 'cloudfunctions/reminders/config.json'), 'utf8')).timeout;
  const { cloud } = await startBenchCloud(root, { REMINDER_TEMPLATE_ID: TEMPLATE });
  try {
    await Promise.all(Array.from({ length: OVERLAP }, () => cloud.fireTrigger('reminders'))); // warm the instances
    seedReminders(cloud, cloud.clock.now());
    const runs = [];
    for (let wave = 1; wave <= MAX_WAVES; wave += 1) {
      const outcomes = await Promise.all(Array.from({ length: OVERLAP }, () => cloud.fireTrigger('reminders')));
      outcomes.forEach((o, i) => runs.push({ name: `wave ${wave} run ${i + 1}`, o }));
      if (outcomes.every((o) => o.ok && o.result.ok && !o.result.data.more)) break;
    }
    const times = new Map();
    for (const e of cloud.outbox.list()) {
      if (e.apiName === 'subscribeMessage.send') times.set(e.data.touser, (times.get(e.data.touser) ?? 0) + 1);
    }
    const sent = [...times.values()].reduce((a, b) => a + b, 0);
    const duplicates = [...times.values()].filter((n) => n > 1).length;
    const lost = TOTAL - times.size;
    const requests = runs.reduce((a, r) => a + r.o.metrics.requests, 0);
    const rows = [
      [
        `${TOTAL} due reminders, ${runs.length / OVERLAP} waves of ${OVERLAP} runs at once: sent`,
        `${sent}`,
        `${TOTAL}`,
        sent === TOTAL ? 'ok' : 'WRONG',
      ],
      ['sent twice', `${duplicates}`, '0', duplicates === 0 ? 'ok' : 'WRONG'],
      ['lost (never sent)', `${lost}`, '0', lost === 0 ? 'ok' : 'WRONG'],
      ...runs.map(({ name, o }) => {
        const data = o.ok && o.result.ok ? o.result.data : undefined;
        const what = data ? `${data.sent} sent, ${data.batches} claims, ${o.metrics.requests} requests` : o.message;
        return [
          `${name}: duration`,
          `${(o.ms / 1000).toFixed(1)} s (${what})`,
          `< ${timeoutS} s timeout`,
          data && o.ms < timeoutS * 1000 ? 'ok' : 'OVER',
        ];
      }),
      [
        'database requests per reminder',
        `${(requests / TOTAL).toFixed(2)} (${requests} in ${runs.length} runs)`,
        `≤ ${REQUESTS_BUDGET}`,
        verdict(requests / TOTAL, REQUESTS_BUDGET),
      ],
    ];
    return table('Reminders at city scale: overlapping timer runs (local cloud)', rows);
  } finally {
    await cloud.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { buildAll, root } = await import('../build.mjs');
  await buildAll(['functions', 'local-cloud']);
  process.exitCode = (await benchReminders(root)) ? 0 : 1;
}
