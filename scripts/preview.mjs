#!/usr/bin/env node
// npm run preview [page…] — renders mini program pages to preview/<page>.<scenario>.png with real demo data
// from a local cloud, and writes preview/index.html. See scripts/preview/scenarios.mjs for the scenarios.
//
// Options: --root <dir> (mini program, default miniprogram/)   --out <dir> (default preview/)
//          --smoke (only each page's default scenario)           --report <file.json> (machine-readable results)
//          --scenario <name> (only that scenario)                --no-build (skip node scripts/build.mjs)
//          --no-cloud (no local cloud: every call fails)
//          --flows [flow…] (only the storyboards: each role's journeys tap by tap, see scripts/preview/flows.mjs)
//          --flow-defs <file.mjs> (flows from another module exporting FLOWS; tests use it)
// `npm run preview` with no page renders every page and every flow; preview/index.html shows both.
// Exit code 1 when any page fails to compile, throws, uses an unresolved component or renders blank.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startCloud } from './preview/cloud.mjs';
import { writeContactSheet } from './preview/contact-sheet.mjs';
import { NOW, openRenderer, prepare, problemsOf, writeJson } from './preview/render.mjs';
import { FLOWS } from './preview/flows.mjs';
import { scenariosFor, shotName } from './preview/scenarios.mjs';
import { runFlows } from './preview/flow-run.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = {
    pages: [],
    root: join(repoRoot, 'miniprogram'),
    out: join(repoRoot, 'preview'),
    smoke: false,
    build: true,
    cloud: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--root') opts.root = resolve(argv[++i]);
    else if (a === '--out') opts.out = resolve(argv[++i]);
    else if (a === '--report') opts.report = resolve(argv[++i]);
    else if (a === '--scenario') opts.scenario = argv[++i];
    else if (a === '--smoke') opts.smoke = true;
    else if (a === '--no-build') opts.build = false;
    else if (a === '--no-cloud') opts.cloud = false;
    else if (a === '--flow-defs') opts.flowDefs = resolve(argv[++i]);
    else if (a === '--flows') opts.flows = [];
    else if (opts.flows) opts.flows.push(a);
    else opts.pages.push(a.replace(/^\/+|\.(ts|wxml|json)$/g, '').replace(/^miniprogram\//, ''));
  }
  return opts;
}

async function buildFirst(opts) {
  const isMain = opts.root === join(repoRoot, 'miniprogram');
  const parts = [];
  if (isMain && !existsSync(join(opts.root, 'miniprogram_npm'))) parts.push('npm');
  if (opts.cloud && existsSync(join(repoRoot, 'local-cloud', 'index.ts'))) parts.push('functions', 'local-cloud');
  if (!parts.length || !existsSync(join(repoRoot, 'scripts', 'build.mjs'))) {
    if (parts.includes('npm')) {
      const { packNpm } = await import(pathToFileURL(join(repoRoot, 'scripts', 'pack-npm.mjs')).href);
      packNpm();
    }
    return;
  }
  const { buildAll } = await import(pathToFileURL(join(repoRoot, 'scripts', 'build.mjs')).href);
  await buildAll(parts);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  if (opts.build) await buildFirst(opts);
  const stageDir = join(repoRoot, '.build', 'preview', 'stage', opts.root.replace(/[^a-zA-Z0-9]+/g, '_').slice(-60));
  const prepared = await prepare({ repoRoot, srcRoot: opts.root, stageDir });
  const pages = opts.flows ? [] : opts.pages.length ? opts.pages : prepared.project.pages;
  const flows = opts.flowDefs ? (await import(pathToFileURL(opts.flowDefs).href)).FLOWS : FLOWS;
  const everything = !opts.flows && !opts.pages.length && !opts.smoke && !opts.scenario;
  const flowNames = opts.flows && opts.flows.length ? opts.flows : everything || opts.flows ? Object.keys(flows) : [];
  for (const f of flowNames) if (!flows[f]) throw new Error(`${f} is not a flow (${Object.keys(flows).join(', ')})`);
  for (const p of pages) if (!prepared.project.pages.includes(p)) throw new Error(`${p} is not a page in app.json`);
  const cloud = opts.cloud && pages.length ? await startCloud({ repoRoot, now: NOW }) : null;
  console.log(
    `preview: ${cloud ? cloud.note : pages.length ? 'no local cloud (calls fail)' : 'flows only'}; compiled in ${Date.now() - t0} ms`,
  );
  if (prepared.compileError) console.log(prepared.compileError);
  if (everything) rmSync(opts.out, { recursive: true, force: true });
  mkdirSync(opts.out, { recursive: true });
  const renderer = await openRenderer(prepared, { cloudUrl: cloud && cloud.url });
  const shots = [];
  let strips = [];
  try {
    for (const page of pages) {
      let list = scenariosFor(page, undefined, (cloud && cloud.refs) || {});
      if (opts.smoke) list = list.slice(0, 1);
      if (opts.scenario) list = list.filter((s) => s.name === opts.scenario);
      for (const scenario of list) {
        const name = shotName(page, scenario.name);
        const result = await renderer.render(page, scenario, join(opts.out, name));
        const problems = problemsOf(prepared, result);
        shots.push({
          name,
          page,
          scenario: scenario.name,
          identity: scenario.identity,
          ms: result.ms,
          problems,
          log: result.log,
        });
        console.log(
          `${problems.length ? 'FAIL' : 'ok  '} ${name} ${result.ms} ms${problems.map((p) => `\n     ${p.split('\n').slice(0, 3).join('\n     ')}`).join('')}`,
        );
      }
    }
    if (flowNames.length) strips = await runFlows({ repoRoot, renderer, flows, names: flowNames, outDir: opts.out });
  } finally {
    await renderer.close();
    if (cloud) await cloud.stop();
  }
  writeContactSheet(opts.out, shots, { title: '博爱义工 · page previews', now: NOW, strips });
  if (opts.report) writeJson(opts.report, { compileError: prepared.compileError, shots, strips });
  const failed = [...shots, ...strips].filter((s) => s.problems.length);
  console.log(
    `preview: ${shots.length} shot(s), ${strips.length} flow(s), ${failed.length} failed, ${Date.now() - t0} ms → ${join(opts.out, 'index.html')}`,
  );
  process.exitCode = failed.length || !(shots.length + strips.length) ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 2;
});
