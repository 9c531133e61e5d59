#!/usr/bin/env node
// npm test: type checks of every tsconfig, ESLint, Prettier, then every Jest project. Stops at the first failure.
// Extra arguments go to Jest (e.g. `npm test -- --selectProjects unit`).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { typecheck } from './typecheck.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);

function step(title, command, args) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  console.log(`${status === 0 ? '✓' : '✗'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (status !== 0) process.exit(status ?? 1);
}

console.log('▶ type checks');
if (!(await typecheck())) process.exit(1);
step('eslint', bin('eslint'), ['.', '--max-warnings=0']);
step('prettier', bin('prettier'), ['--check', '.', '--log-level=warn']);
step('jest', bin('jest'), ['--ci', ...process.argv.slice(2)]);
