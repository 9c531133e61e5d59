#!/usr/bin/env node
// The deploy files generated from deploy/functions.ts: cloudbaserc.json and each function's config.json and
// package.json (committed: DevTools and the tcb CLI read them). `npm run build` writes them; `--check` only compares.
import { build as esbuild } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Bundles deploy/<entry>.ts into .build/deploy/<entry>.cjs (packages stay in node_modules) and loads it. */
export async function loadDeploy(entry = 'index') {
  const outfile = join(root, '.build/deploy', `${entry}.cjs`);
  await esbuild({
    entryPoints: [join(root, 'deploy', `${entry}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  delete require.cache[outfile];
  return require(outfile);
}

/** Every generated file with its text, formatted as Prettier formats the committed files. */
export async function deployConfigFiles() {
  const { deployFiles } = await loadDeploy();
  return Promise.all(
    deployFiles().map(async ({ path, json }) => {
      const file = join(root, path);
      const options = { ...(await resolveConfig(file)), filepath: file };
      return { path, file, text: await format(JSON.stringify(json), options) };
    }),
  );
}

/** Writes the files that differ; returns their paths. */
export async function writeDeployConfig() {
  const changed = [];
  for (const { path, file, text } of await deployConfigFiles()) {
    if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
    writeFileSync(file, text);
    changed.push(path);
  }
  return changed;
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  if (process.argv.includes('--check')) {
    const stale = (await deployConfigFiles()).filter(
      ({ file, text }) => !existsSync(file) || readFileSync(file, 'utf8') !== text,
    );
    for (const { path } of stale) console.log(`${path} differs from deploy/functions.ts; run \`npm run build\``);
    process.exitCode = stale.length ? 1 : 0;
  } else {
    const changed = await writeDeployConfig();
    console.log(`deploy config: ${changed.length ? changed.join(', ') : 'up to date'}`);
  }
}
