#!/usr/bin/env node
// npm run bench: measures against SPEC's budgets and prints a table per measurement.
// Sizes: every file DevTools would upload (TypeScript counted as the JavaScript it compiles to, Vant included),
// per package, and each cloud function bundle; last, the mutation score (`--mutate` runs `npm run mutate` first).
import { transformSync } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { benchActions } from './bench/actions.mjs';
import { benchDb } from './bench/db.mjs';
import { benchMutation } from './bench/mutation.mjs';
import { benchNeeds } from './bench/needs.mjs';
import { benchReminders } from './bench/reminders.mjs';
import { benchStats } from './bench/stats.mjs';
import { table, verdict } from './bench/table.mjs';
import { buildAll, functionNames, root } from './build.mjs';

const KB = 1024;
const MB = 1024 * KB;
const mini = join(root, 'miniprogram');

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}

/** Bytes DevTools would upload for one file: .ts as compiled JavaScript; tests and tsconfig not at all. */
function uploadBytes(file) {
  if (/\.test\.ts$|tsconfig\.json$|\.d\.ts$/.test(file)) return 0;
  if (file.endsWith('.ts'))
    return transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs' }).code.length;
  return statSync(file).size;
}

function packageSizes() {
  const app = JSON.parse(readFileSync(join(mini, 'app.json'), 'utf8'));
  const subRoots = (app.subpackages ?? app.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const sizes = Object.fromEntries([['main', 0], ...subRoots.map((r) => [r, 0])]);
  for (const file of walk(mini)) {
    const rel = relative(mini, file);
    const owner = subRoots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? 'main';
    sizes[owner] += uploadBytes(file);
  }
  return sizes;
}

const fmt = (bytes) => (bytes >= MB ? `${(bytes / MB).toFixed(2)} MB` : `${(bytes / KB).toFixed(1)} KB`);

await buildAll();
const sizes = packageSizes();
const verdicts = [];
verdicts.push(
  table(
    'Package sizes (what DevTools uploads; Vant included)',
    Object.entries(sizes).map(([name, bytes]) => {
      const budget = name === 'main' ? 1.5 * MB : 2 * MB;
      return [
        name === 'main' ? 'main package' : `subpackage ${name}/`,
        fmt(bytes),
        fmt(budget),
        verdict(bytes, budget),
      ];
    }),
  ),
);
const FUNCTION_BUDGET = 512 * KB;
verdicts.push(
  table(
    'Cloud function bundles (index.js; wx-server-sdk installed by the cloud)',
    functionNames().map((name) => {
      const bytes = statSync(join(root, 'cloudfunctions', name, 'index.js')).size;
      return [name, fmt(bytes), fmt(FUNCTION_BUDGET), verdict(bytes, FUNCTION_BUDGET)];
    }),
  ),
);
verdicts.push(await benchActions(root));
verdicts.push(await benchDb(root));
verdicts.push(await benchStats(root));
verdicts.push(await benchNeeds(root));
verdicts.push(await benchReminders(root));
verdicts.push(await benchMutation(process.argv.includes('--mutate')));
const ok = verdicts.every(Boolean);
console.log(ok ? '\nAll within budget.' : '\nSome measurements are over budget.');
process.exitCode = ok ? 0 : 1;
