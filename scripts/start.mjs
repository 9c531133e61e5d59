#!/usr/bin/env node
// npm start: build what is missing or stale (scripts/build.mjs), then run the local cloud (.build/local-cloud/main.js).
// Environment: PORT (3710), DATA_DIR (.data), SEED (demo | none), POOL_SIZE (4), and the function settings
// HQ_OPENIDS, PII_KEY, REMINDER_TEMPLATE_ID, NOTICE_TEMPLATE_ID, REMINDER_LEAD_MINUTES; LOCAL_CLOUD_SECRET (id:key)
// for /admin's signature check (default: generated once into the data folder; main.js prints its id and place).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mainJs = join(root, '.build/local-cloud/main.js');
const workerJs = join(root, '.build/local-cloud/worker.js');

/** Newest modification time of the .ts sources under the given folders. */
function newestSource(dirs) {
  let newest = 0;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(p);
      } else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
        newest = Math.max(newest, statSync(p).mtimeMs);
      }
    }
  };
  dirs.forEach((d) => walk(join(root, d)));
  return newest;
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

function needsBuild() {
  const shared = newestSource(['server', 'typings', 'database']);
  const cloudSources = Math.max(shared, newestSource(['local-cloud']));
  if (Math.min(mtime(mainJs), mtime(workerJs)) < cloudSources) return true;
  const functionsDir = join(root, 'cloudfunctions');
  if (!existsSync(functionsDir)) return false;
  for (const d of readdirSync(functionsDir, { withFileTypes: true })) {
    if (!d.isDirectory() || !existsSync(join(functionsDir, d.name, 'index.ts'))) continue;
    const built = mtime(join(functionsDir, d.name, 'index.js'));
    if (built < Math.max(shared, newestSource([join('cloudfunctions', d.name)]))) return true;
  }
  return false;
}

if (needsBuild()) {
  console.log('building (node scripts/build.mjs)…');
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, [mainJs], { cwd: root, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
