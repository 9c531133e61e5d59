// Storyboards (`npm run preview -- --flows`): the volunteer's journey runs end to end by taps from 我的, following
// the navigation the app really does; a flow whose tap target is missing or whose tap opens nothing fails loudly.
// Needs /usr/bin/chromium (.ci/apt-packages.txt).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..');

interface Strip {
  name: string;
  file: string;
  frames: { file: string; page: string; caption: string }[];
  problems: string[];
}

let outRoot: string;
beforeAll(() => {
  outRoot = mkdtempSync(join(tmpdir(), 'preview-flows-'));
});
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

/** Runs `node scripts/preview.mjs --flows …` (functions already built by the jest global setup). */
function flows(out: string, args: string[]): Promise<{ code: number; strips: Strip[]; output: string }> {
  const report = join(out, 'report.json');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(repoRoot, 'scripts', 'preview.mjs'), '--no-build', '--out', out, '--report', report, '--flows', ...args],
      { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const output = `${stdout}\n${stderr}`;
        if (!existsSync(report)) return reject(new Error(`preview wrote no report:\n${output}`));
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, strips: (JSON.parse(readFileSync(report, 'utf8')) as { strips: Strip[] }).strips, output });
      },
    );
  });
}

test('the volunteer reaches 服务证明 by taps: 我的 → 服务时长与时间银行 → 服务证明, one numbered frame each', async () => {
  const out = join(outRoot, 'volunteer');
  const { code, strips, output } = await flows(out, ['volunteer']);
  expect(strips.flatMap((s) => s.problems)).toEqual([]);
  expect(code).toBe(0);
  const [strip] = strips;
  expect(strip.frames.map((f) => f.page)).toEqual(['pages/me/index', 'pages/hours/index', 'pages/proof/index']);
  expect(strip.frames.map((f) => f.file)).toEqual([
    'flows/volunteer/01-pages_me.png',
    'flows/volunteer/02-pages_hours.png',
    'flows/volunteer/03-pages_proof.png',
  ]);
  for (const f of [...strip.frames.map((x) => x.file), strip.file]) expect(existsSync(join(out, f))).toBe(true);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('flows/volunteer.png');
  expect(output).toMatch(/ok {3}flow volunteer: 3 frame\(s\)/);
}, 60000);

test('a missing tap target and a tap that opens nothing fail with the step and what the page shows', async () => {
  const defs = join(__dirname, 'fixtures', 'flows', 'broken.mjs');
  const { code, strips } = await flows(join(outRoot, 'broken'), ['missing', 'nowhere', '--flow-defs', defs]);
  expect(code).toBe(1);
  const problems = Object.fromEntries(strips.map((s) => [s.name, s.problems.join('\n')]));
  expect(problems.missing).toMatch(/step 2 「点一个不存在的入口」 on pages\/me\/index: nothing to tap: text=不存在的入口/);
  expect(problems.missing).toMatch(/the page shows: .*服务时长与时间银行/);
  expect(problems.nowhere).toMatch(/step 2 「点自己的名字」 on pages\/me\/index: the tap navigated nowhere \(expected pages\/card\/index\)/);
}, 60000);
