/**
 * Drives the pinned, unmodified wx-server-sdk against the engine through a tiny `/admin` HTTP server.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { COLLECTIONS } from '../../../database/collections';
import { LocalDatabase, errorEnvelope, replyEnvelope, type DbMetrics } from '../../../local-cloud/db';

export interface Harness {
  db: LocalDatabase;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  cloud: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  wdb: any;
  metrics: DbMetrics;
  clock: { now: number };
  actions: string[];
  close(): Promise<void>;
}

export async function startHarness(extra: { name: string; indexes: [] }[] = []): Promise<Harness> {
  const clock = { now: Date.UTC(2026, 0, 5, 8, 0, 0) };
  const db = LocalDatabase.open({
    file: ':memory:',
    collections: [...COLLECTIONS, ...extra.map((c) => ({ ...c, description: 'test' }))],
    now: () => clock.now,
  });
  const metrics: DbMetrics = { requests: 0, docsRead: 0, docsWritten: 0 };
  const actions: string[] = [];
  let seq = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const requestId = `req-${++seq}`;
      let reply: unknown;
      try {
        const { action, envName: _envName, ...params } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        actions.push(action);
        reply = replyEnvelope(action, db.handle(action, params, metrics), requestId);
      } catch (err) {
        reply = errorEnvelope(err, requestId);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${port}/admin` }),
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: 'local-env',
    TCB_ENV: 'local-env',
    TENCENTCLOUD_SECRETID: 'dummy-id',
    TENCENTCLOUD_SECRETKEY: 'dummy-key',
    SILENCE: 'true',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  const wdb = cloud.database();
  return {
    db,
    cloud,
    wdb,
    metrics,
    clock,
    actions,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}
