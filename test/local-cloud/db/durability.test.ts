/**
 * kill -9 in the middle of a burst of writes loses no acknowledged write and leaves a consistent file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import Database from 'better-sqlite3';
import { LocalDatabase } from '../../../local-cloud/db';

const root = path.resolve(__dirname, '../../..');

test('every acknowledged write survives kill -9', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-durability-'));
  const bundle = path.join(dir, 'db.js');
  buildSync({
    entryPoints: [path.join(root, 'local-cloud/db/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
    external: ['better-sqlite3'],
    nodePaths: [path.join(root, 'node_modules')],
    logLevel: 'silent',
  });
  const file = path.join(dir, 'cloud.sqlite');
  const script = `
    const { LocalDatabase } = require(${JSON.stringify(bundle)});
    const db = LocalDatabase.open({ file: ${JSON.stringify(file)}, collections: [{ name: 'burst', description: '', indexes: [] }], now: Date.now });
    let i = 0;
    const tick = () => {
      for (let k = 0; k < 20; k++, i++) {
        db.handle('database.insertDocument', { collectionName: 'burst', data: [JSON.stringify({ _id: 'k' + i, i })] });
        process.stdout.write(i + '\\n');
      }
      setImmediate(tick);
    };
    tick();
  `;
  const child = spawn(process.execPath, ['-e', script], {
    env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked: number[] = [];
  let buffer = '';
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) acked.push(Number(line));
      if (acked.length >= 500 && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve());
  });
  expect(acked.length).toBeGreaterThanOrEqual(500);

  const raw = new Database(file);
  expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  raw.close();
  const db = LocalDatabase.open({
    file,
    collections: [{ name: 'burst', description: '', indexes: [] }],
    now: Date.now,
  });
  const res = db.handle('database.calculateDocument', { collectionName: 'burst' }) as { total: number };
  expect(res.total).toBeGreaterThanOrEqual(acked.length);
  const last = acked[acked.length - 1];
  const got = db.handle('database.getDocument', {
    collectionName: 'burst',
    queryType: 'DOC',
    query: JSON.stringify({ _id: `k${last}` }),
  }) as { list: string[] };
  expect(got.list).toHaveLength(1);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
