// scripts/pack-npm.mjs packs what the mini program requires, also a package whose `exports` hide its package.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PACK_NPM = join(__dirname, '../../scripts/pack-npm.mjs');

/** Writes `files` (path → content) under `dir`. */
function writeTree(dir: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

describe('pack-npm', () => {
  let project = '';
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'pack-npm-'));
    writeTree(project, {
      'package.json': JSON.stringify({ dependencies: { 'plain-umd': '1.0.0', 'mp-lib': '1.0.0' } }),
      // Like qrcode-generator: a UMD main whose `exports` map does not list ./package.json.
      'node_modules/plain-umd/package.json': JSON.stringify({
        name: 'plain-umd',
        main: 'dist/lib.js',
        exports: { require: './dist/lib.js', import: './dist/lib.mjs' },
      }),
      'node_modules/plain-umd/dist/lib.js':
        "var lib = function (n) { return 'x' + n; };\n" +
        "(function (f) { if (typeof define === 'function' && define.amd) define([], f); " +
        "else if (typeof exports === 'object') module.exports = f(); })(function () { return lib; });\n",
      'node_modules/plain-umd/dist/lib.mjs': 'export default (n) => "x" + n;\n',
      // Like Vant Weapp: a `miniprogram` folder copied as it is.
      'node_modules/mp-lib/package.json': JSON.stringify({ name: 'mp-lib', miniprogram: 'lib' }),
      'node_modules/mp-lib/lib/button/index.js': 'Component({});\n',
    });
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('bundles a main entry into miniprogram_npm/<name>/index.js and copies a miniprogram folder', () => {
    const out = join(project, 'out');
    const script =
      `import(${JSON.stringify(pathToFileURL(PACK_NPM).href)}).then(({ packNpm }) => ` +
      `console.log(JSON.stringify(packNpm({ projectRoot: ${JSON.stringify(project)}, outDir: ${JSON.stringify(out)} }))))`;
    const packed = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    expect(packed).toEqual([
      { name: 'plain-umd', mode: 'bundle' },
      { name: 'mp-lib', mode: 'copy' },
    ]);
    const bundled = require(join(out, 'plain-umd', 'index.js')) as (n: number) => string; // eslint-disable-line @typescript-eslint/no-require-imports
    expect(bundled(7)).toBe('x7');
    expect(readFileSync(join(out, 'mp-lib', 'button', 'index.js'), 'utf8')).toBe('Component({});\n');
  });
});
