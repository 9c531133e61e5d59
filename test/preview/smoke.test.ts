// Smoke test of the page previews: every page in miniprogram/app.json renders once (its default scenario) in
// headless Chromium without throwing, compile errors, unresolved components or a blank page. Fixture mini
// programs prove that each of those failures is caught. Needs /usr/bin/chromium (.ci/apt-packages.txt).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..');
const fixtures = join(__dirname, 'fixtures');

interface Shot {
  name: string;
  page: string;
  scenario: string;
  problems: string[];
}
interface Report {
  compileError: string | null;
  shots: Shot[];
}

let outRoot: string;
beforeAll(() => {
  outRoot = mkdtempSync(join(tmpdir(), 'preview-smoke-'));
});
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

/** Runs `node scripts/preview.mjs --smoke` and returns its JSON report and exit code. */
function preview(name: string, args: string[]): Promise<{ code: number; report: Report; output: string }> {
  const out = join(outRoot, name);
  const reportFile = join(out, 'report.json');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(repoRoot, 'scripts', 'preview.mjs'), '--smoke', '--out', out, '--report', reportFile, ...args],
      { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const output = `${stdout}\n${stderr}`;
        if (!existsSync(reportFile)) return reject(new Error(`preview wrote no report:\n${output}`));
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, report: JSON.parse(readFileSync(reportFile, 'utf8')) as Report, output });
      },
    );
  });
}

const problemsOf = (report: Report) => report.shots.flatMap((s) => s.problems.map((p) => `${s.page}: ${p.split('\n')[0]}`));

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

test('Chromium is installed (apt-get install -y $(cat .ci/apt-packages.txt))', () => {
  expect(existsSync('/usr/bin/chromium')).toBe(true);
});

test('every page in app.json renders without errors, unresolved components or blank output', async () => {
  const app = JSON.parse(readFileSync(join(repoRoot, 'miniprogram', 'app.json'), 'utf8')) as {
    pages: string[];
    subpackages?: { root: string; pages: string[] }[];
  };
  const pages = [...app.pages, ...(app.subpackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
  // Built by the jest global setup: rebuilding here would rewrite files that other test workers are loading.
  const { report } = await preview('app', ['--no-build']);
  expect(report.shots.map((s) => s.page).sort()).toEqual([...pages].sort());
  expect(problemsOf(report)).toEqual([]);
  // About 70 pages: a minute alone on 2 cores, twice that while the other Jest workers share them.
}, 300000);

test('a clean fixture page renders to a 750×1624 PNG with no problems', async () => {
  const { code, report } = await preview('fixture', ['--root', join(fixtures, 'app'), '--no-cloud', '--no-build']);
  expect(problemsOf(report)).toEqual([]);
  expect(code).toBe(0);
  expect(pngSize(join(outRoot, 'fixture', report.shots[0].name))).toEqual({ width: 750, height: 1624 });
}, 60000);

test('broken pages fail: missing component path, undeclared tag, throwing onLoad, blank page', async () => {
  const { code, report } = await preview('broken', ['--root', join(fixtures, 'broken'), '--no-cloud', '--no-build']);
  expect(code).toBe(1);
  const byPage = Object.fromEntries(report.shots.map((s) => [s.page, s.problems.join('\n')]));
  expect(byPage['pages/missing-path/index']).toMatch(/"van-buton": "@vant\/weapp\/buton\/index" does not resolve/);
  expect(byPage['pages/undeclared-tag/index']).toMatch(/unresolved component tag\(s\): <post-card>/);
  expect(byPage['pages/throws/index']).toMatch(/onLoad: Error: boom in onLoad/);
  expect(byPage['pages/blank/index']).toMatch(/blank page/);
}, 60000);

test('a WXML syntax error fails with the wcc message', async () => {
  const { code, report } = await preview('bad-wxml', ['--root', join(fixtures, 'bad-wxml'), '--no-cloud', '--no-build']);
  expect(code).toBe(1);
  expect(report.compileError).toMatch(/wcc failed: pages\/index\/index\.wxml/);
  expect(problemsOf(report)).toEqual([expect.stringMatching(/^pages\/index\/index: wcc failed/)]);
}, 60000);
