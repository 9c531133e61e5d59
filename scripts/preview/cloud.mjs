// The data behind previews: a real local cloud (local-cloud/index.ts) in this process, seeded with the demo
// data (local-cloud/seed.ts), its clock stopped at the preview instant and its randomness seeded. Bundled with esbuild on the fly; the
// function workers come from `node scripts/build.mjs` (.build/local-cloud/worker.js).
import { build } from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fixed 32-byte key so check-in codes and encrypted fields repeat; the demo data is not real. */
const PREVIEW_PII_KEY = '7072657669657720706969206b6579206e6f7420666f72207265616c20646174';

/**
 * @returns {Promise<{ url: string, stop(): Promise<void>, note: string } | null>} null when there is no local cloud yet
 */
export async function startCloud({ repoRoot, now }) {
  const index = join(repoRoot, 'local-cloud', 'index.ts');
  const seed = join(repoRoot, 'local-cloud', 'seed.ts');
  if (!existsSync(index)) return null;
  const outfile = join(repoRoot, '.build', 'preview', 'cloud.cjs');
  const contents = [
    `exports.startLocalCloud = require(${JSON.stringify(index)}).startLocalCloud;`,
    existsSync(seed) ? `exports.seedDemo = require(${JSON.stringify(seed)}).seedDemo;` : '',
  ].join('\n');
  await build({
    stdin: { contents, resolveDir: repoRoot, sourcefile: 'preview-cloud-entry.js', loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  const require = createRequire(outfile);
  delete require.cache[outfile];
  const mod = require(outfile);
  const dataDir = mkdtempSync(join(tmpdir(), 'preview-cloud-'));
  const calls = [];
  const log = (entry) => {
    calls.push(entry);
    if (calls.length > 200) calls.shift();
  };
  const cloud = await mod.startLocalCloud({
    port: 0,
    dataDir,
    timers: false,
    now: Date.parse(now),
    // Two runs must give the same PNGs: a stopped clock, seeded ids and codes, and a fixed key (preview data only).
    repeatable: { seed: 'preview' },
    env: { PII_KEY: PREVIEW_PII_KEY },
    log,
    functionOutput: 'silent',
  });
  let note = 'local cloud with demo seed';
  let refs = {};
  if (typeof mod.seedDemo === 'function') {
    refs = (await mod.seedDemo(cloud)).refs ?? {};
    refs.cardScene = await cardScene(cloud.url);
  }
  else note = 'local cloud WITHOUT demo data (local-cloud/seed.ts is missing)';
  return {
    url: cloud.url,
    note,
    /** Ids the seed made, for scenario queries (`{post}` …). */
    refs,
    /** The last invocations (the local cloud's log lines), newest last. */
    calls,
    async stop() {
      await cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The scene of the demo volunteer's card code, for the verify page's scenario (`{cardScene}`). */
async function cardScene(url) {
  const res = await globalThis.fetch(`${url}/v1/functions/volunteers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': 'demo-volunteer' },
    body: JSON.stringify({ action: 'card', withCode: true }),
  });
  const body = await res.json();
  return body.ok ? body.data.scene : '';
}
