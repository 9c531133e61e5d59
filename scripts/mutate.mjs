#!/usr/bin/env node
// npm run mutate: StrykerJS mutation testing (stryker.config.mjs), one target after the other, each with a time bound.
//   npm run mutate              server/rules/** against the unit tests (the 80% goal)
//   npm run mutate -- domain    money-like and role code against the function tests that reach it (slow)
//   npm run mutate -- all       both
// Reports: reports/mutation/<target>.{json,html}; the scores: reports/mutation/summary.json (read by the bench).
// MUTATE_TIME_LIMIT_MIN bounds each target (default 45 min); a target cut short keeps its previous summary.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = join(root, 'reports', 'mutation');
const SUMMARY = join(reportDir, 'summary.json');
export const GOAL = 80;

/** Money-like code (balances, minutes, ledger) and role code (who may do what). */
const MONEY = /^server\/(timebank\/|repos\/ledger\.ts$|rules\/ledger\.ts$|rules\/stars\.ts$)/;
const ROLE = /^server\/(context\.ts$|[^/]+\/access\.ts$)/;

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Mutation score (killed + timed out over every valid mutant) and the survivors of one Stryker JSON report. */
export function scoreOf(report) {
  let detected = 0;
  let undetected = 0;
  const survivors = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      if (DETECTED.has(m.status)) detected += 1;
      else if (UNDETECTED.has(m.status)) {
        undetected += 1;
        const kind = MONEY.test(file) ? 'money' : ROLE.test(file) ? 'role' : 'other';
        const where = `${file}:${m.location.start.line}:${m.location.start.column}`;
        survivors.push({ where, kind, status: m.status, mutator: m.mutatorName, replacement: m.replacement ?? '' });
      }
    }
  }
  const total = detected + undetected;
  return { score: total ? Math.round((detected / total) * 1000) / 10 : 0, detected, undetected, survivors };
}

export function readSummary() {
  return existsSync(SUMMARY) ? JSON.parse(readFileSync(SUMMARY, 'utf8')) : {};
}

function runStryker(target, limitMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run'], {
      cwd: root,
      env: { ...process.env, MUTATE_TARGET: target },
      stdio: 'inherit',
      detached: true,
    });
    const timer = setTimeout(() => {
      console.error(`\n${target}: over the ${limitMs / 60_000} min bound, stopping Stryker`);
      process.kill(-child.pid, 'SIGTERM');
    }, limitMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 && !signal);
    });
  });
}

export async function mutate(targets) {
  mkdirSync(reportDir, { recursive: true });
  const limitMs = Number(process.env.MUTATE_TIME_LIMIT_MIN ?? 45) * 60_000;
  const summary = readSummary();
  let ok = true;
  for (const target of targets) {
    const started = Date.now();
    if (!(await runStryker(target, limitMs))) {
      ok = false;
      continue;
    }
    const report = JSON.parse(readFileSync(join(reportDir, `${target}.json`), 'utf8'));
    const s = scoreOf(report);
    const minutes = Math.round((Date.now() - started) / 6000) / 10;
    summary[target] = { ...s, files: process.env.MUTATE_FILES ?? 'all', at: new Date().toISOString(), minutes };
    writeFileSync(SUMMARY, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`\n${target}: mutation score ${s.score}% (${s.detected} detected, ${s.undetected} undetected)`);
    const watched = s.survivors.filter((v) => v.kind !== 'other');
    if (watched.length) console.log(`survivors in money-like or role code (explain in docs/mutation-testing.md):`);
    for (const v of watched) console.log(`  ${v.kind}  ${v.where}  ${v.mutator}  ${v.replacement.split('\n')[0]}`);
  }
  return ok;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const targets = args.includes('all') ? ['rules', 'domain'] : args.length ? args : ['rules'];
  for (const t of targets) if (!['rules', 'domain'].includes(t)) throw new Error(`unknown target ${t}`);
  process.exitCode = (await mutate(targets)) ? 0 : 1;
}
