#!/usr/bin/env node
// Type-checks every tsconfig: the server side, the mini program, the contract alone, and the tests.
// WeChat DevTools only strips types, so this is the only place type errors are caught.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CONFIGS = ['tsconfig.json', 'miniprogram/tsconfig.json', 'typings/tsconfig.json', 'test/tsconfig.json'];
const tsc = join(root, 'node_modules/typescript/bin/tsc');

function check(config) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', config, '--pretty'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ config, code, out }));
  });
}

export async function typecheck() {
  const results = [];
  for (let i = 0; i < CONFIGS.length; i += 2) results.push(...(await Promise.all(CONFIGS.slice(i, i + 2).map(check))));
  for (const r of results) {
    console.log(`${r.code === 0 ? '✓' : '✗'} tsc -p ${r.config}`);
    if (r.code !== 0) console.log(r.out);
  }
  return results.every((r) => r.code === 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = (await typecheck()) ? 0 : 1;
