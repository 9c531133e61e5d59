#!/usr/bin/env node
// npm run seeds [-- N]: runs every randomized test once per seed 1..N (default 50), each in its own Jest run, and
// prints a line per test with the seeds that failed. Exits non-zero when any seed fails.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildAll, root } from './build.mjs';

/** Each randomized test and the variable that fixes its seed (the test prints it when it runs). */
const RANDOMIZED = [
  { file: 'test/unit/ledger.test.ts', env: 'LEDGER_SEED' },
  { file: 'test/functions/stats.test.ts', env: 'STATS_SEED' },
  { file: 'test/functions/timebank-concurrency.test.ts', env: 'TIMEBANK_SEED' },
  { file: 'test/functions/posts-places.test.ts', env: 'PLACES_SEED' },
  { file: 'test/unit/matching.test.ts', env: 'MATCH_SEED' },
  { file: 'test/unit/needs-stats.test.ts', env: 'NEEDS_STATS_SEED' },
  { file: 'test/local-cloud/db/index-plans.test.ts', env: 'INDEX_SEED' },
];

const count = Number(process.argv[2] ?? 50);
await buildAll(['functions', 'local-cloud']);
let failedAny = false;
for (const { file, env } of RANDOMIZED) {
  const failed = [];
  const started = Date.now();
  for (let seed = 1; seed <= count; seed += 1) {
    const { status } = spawnSync(join(root, 'node_modules/.bin/jest'), ['--ci', '--silent', file], {
      cwd: root,
      env: { ...process.env, [env]: String(seed), SKIP_BUILD: '1' },
      stdio: 'ignore',
    });
    if (status !== 0) failed.push(seed);
  }
  failedAny ||= failed.length > 0;
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `${file}: ${count - failed.length}/${count} seeds passed (${env}=1..${count}, ${secs} s)` +
      (failed.length ? `; failed: ${failed.join(', ')}` : ''),
  );
}
process.exit(failedAny ? 1 : 0);
