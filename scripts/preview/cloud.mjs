// The data behind previews: a real local cloud (local-cloud/index.ts) in this process, seeded with the demo
// data (local-cloud/seed.ts), its clock fixed at the preview instant. Bundled with esbuild on the fly; the
// function workers come from `node scripts/build.mjs` (.build/local-cloud/worker.js).
import { build } from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
    log,
    functionOutput: 'silent',
  });
  let note = 'local cloud with demo seed';
  let refs = {};
  if (typeof mod.seedDemo === 'function') refs = (await mod.seedDemo(cloud)).refs ?? {};
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
