/**
 * The data files are readable by their owner only, and the local secret is made once into the data folder
 * (or taken from LOCAL_CLOUD_SECRET) and kept across restarts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postAdmin } from '../helpers/admin-sign';
import { FIXTURES, startTestCloud } from '../helpers/local-cloud';

const mode = (file: string): number => fs.statSync(file).mode & 0o777;

let dataDir: string;
beforeEach(() => {
  dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'data-files-')), 'data');
});
afterEach(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));

test('the data folder is 0700 and the database, secret and key files 0600', async () => {
  const cloud = await startTestCloud({ functionsDir: FIXTURES, poolSize: 1, dataDir });
  try {
    await cloud.request('notes', { action: 'add', text: 'x' });
    expect(mode(dataDir)).toBe(0o700);
    for (const name of ['cloud.db', 'local-secret', 'pii-key'])
      expect([name, mode(path.join(dataDir, name))]).toEqual([name, 0o600]);
    for (const name of fs.readdirSync(dataDir)) {
      expect([name, mode(path.join(dataDir, name)) & 0o077]).toEqual([name, 0]);
    }
  } finally {
    await cloud.stop();
  }
});

test('a data folder made before (0755, files 0644) is tightened at start', async () => {
  fs.mkdirSync(dataDir, { mode: 0o755 });
  fs.chmodSync(dataDir, 0o755);
  fs.writeFileSync(path.join(dataDir, 'pii-key'), `${'ab'.repeat(32)}\n`, { mode: 0o644 });
  fs.chmodSync(path.join(dataDir, 'pii-key'), 0o644);
  const cloud = await startTestCloud({ functionsDir: FIXTURES, poolSize: 1, dataDir });
  await cloud.stop();
  expect(mode(dataDir)).toBe(0o700);
  expect(mode(path.join(dataDir, 'pii-key'))).toBe(0o600);
});

test('the generated secret is kept in the data folder and the same after a restart', async () => {
  const first = await startTestCloud({ functionsDir: FIXTURES, poolSize: 1, dataDir });
  const secret = { ...first.secret };
  await first.stop();
  expect(fs.readFileSync(path.join(dataDir, 'local-secret'), 'utf8').trim()).toBe(`${secret.id}:${secret.key}`);
  expect(secret.key.length).toBeGreaterThanOrEqual(32);
  const second = await startTestCloud({ functionsDir: FIXTURES, poolSize: 1, dataDir });
  try {
    expect(second.secret).toMatchObject({ id: secret.id, key: secret.key });
    const ok = await postAdmin(
      second.url,
      { action: 'database.calculateDocument', collectionName: 'counters', query: '{}' },
      { secret },
    );
    expect(ok.status).toBe(200);
  } finally {
    await second.stop();
  }
});

test('LOCAL_CLOUD_SECRET (id:key) is used when given, and nothing is written for it', async () => {
  const cloud = await startTestCloud({ functionsDir: FIXTURES, poolSize: 1, dataDir, secret: 'my-id:my-key-value' });
  try {
    expect(cloud.secret).toMatchObject({ id: 'my-id', key: 'my-key-value' });
    expect(fs.existsSync(path.join(dataDir, 'local-secret'))).toBe(false);
    expect((await cloud.request<{ secretId: string }>('whoami', {}, 'u')).body.secretId).toBe('my-id');
  } finally {
    await cloud.stop();
  }
});

test('a LOCAL_CLOUD_SECRET without the id:key form stops the start with a clear message', async () => {
  await expect(startTestCloud({ functionsDir: FIXTURES, poolSize: 1, secret: 'no-colon' })).rejects.toThrow(
    /LOCAL_CLOUD_SECRET/,
  );
});
