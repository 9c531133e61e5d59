#!/usr/bin/env node
// npm run deploy -- --env <envId> [--dry-run]: builds the functions, then ensures the database (collections,
// indexes, security rules) and the functions with their timer triggers in CloudBase. See deploy/cli.ts.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFunctions } from './build.mjs';
import { loadDeploy, writeDeployConfig } from './deploy-config.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const functionsDir = join(root, 'cloudfunctions');
const argv = process.argv.slice(2);

if (!argv.includes('--help')) {
  await writeDeployConfig();
  await buildFunctions();
}
const { runDeploy } = await loadDeploy();
process.exitCode = await runDeploy(argv, {
  env: process.env,
  built: (name) => existsSync(join(functionsDir, name, 'index.js')),
  log: (line) => console.log(line),
  // Loaded only for a real run: a dry run needs no account and makes no network call.
  manager: argv.includes('--dry-run') ? noAccount : await realManager(),
});

function noAccount() {
  throw new Error('a dry run uses no account');
}

async function realManager() {
  const { cloudbaseManager } = await loadDeploy('manager');
  return (envId) => cloudbaseManager(envId, functionsDir);
}
