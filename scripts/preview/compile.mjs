// Runs WeChat's official template (wcc) and style (wcsc) compilers from npm miniprogram-compiler.
// The linux binaries ship without the executable bit, so they are copied to .build/preview/bin first.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { listFiles } from './project.mjs';

const MAX_BUFFER = 256 * 1024 * 1024;

function binary(repoRoot, name) {
  const require = createRequire(join(repoRoot, 'package.json'));
  // miniprogram-compiler comes with miniprogram-simulate
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('miniprogram-compiler/package.json'));
  } catch {
    const simulate = dirname(require.resolve('miniprogram-simulate/package.json'));
    pkgDir = dirname(createRequire(join(simulate, 'package.json')).resolve('miniprogram-compiler/package.json'));
  }
  const binDir = join(repoRoot, '.build', 'preview', 'bin');
  const target = join(binDir, name);
  if (!existsSync(target)) {
    mkdirSync(binDir, { recursive: true });
    copyFileSync(join(pkgDir, 'bin', 'linux', name), target);
    chmodSync(target, 0o755);
  }
  return target;
}

export class CompileError extends Error {}

/** Tags each WXML file may use as custom components (wcc needs them to tell custom tags from built-ins). */
function usingTags(root, files, project) {
  const out = [];
  for (const file of files) {
    const path = file.slice(0, -'.wxml'.length);
    const known = project.components.get(path);
    let tags = known ? Object.keys(known.using) : [];
    if (!known && existsSync(join(root, `${path}.json`))) {
      try {
        tags = Object.keys(JSON.parse(readFileSync(join(root, `${path}.json`), 'utf8')).usingComponents || {});
      } catch {
        tags = [];
      }
    }
    if (tags.length) out.push(file, String(tags.length), ...tags);
  }
  return out;
}

/** Compiles every WXML file under root into the source of a `$gwx` function. */
export function compileWxml(repoRoot, root, project) {
  const all = listFiles(root);
  const wxml = all.filter((f) => f.endsWith('.wxml')).sort();
  const wxs = all.filter((f) => f.endsWith('.wxs')).sort();
  const using = usingTags(root, wxml, project);
  const count = wxml.filter((f) => using.includes(f)).length;
  const args = ['-d', '-cc', [count, ...using].join(' '), ...wxml, ...wxs, '-gn', '$gwx'];
  const res = spawnSync(binary(repoRoot, 'wcc'), args, { cwd: root, maxBuffer: MAX_BUFFER });
  if (res.status !== 0) {
    throw new CompileError(`wcc failed: ${(res.stderr || '').toString().trim() || res.error || res.status}`);
  }
  return res.stdout.toString();
}

/**
 * Compiles every WXSS file under root. Returns the shared runtime (`comm`) and one expression per file that
 * evaluates to WeChat's style rewriter; component files get the class prefix placeholder.
 */
export function compileWxss(repoRoot, root) {
  const all = listFiles(root).filter((f) => f.endsWith('.wxss')).sort();
  // `-pc N`: the first N files are page/component/app style sheets (each has a .json); the rest are only imported
  const hasJson = (f) => existsSync(join(root, `${f.slice(0, -'.wxss'.length)}.json`));
  const own = all.filter(hasJson);
  const rest = all.filter((f) => !hasJson(f));
  const comps = own;
  const args = ['-db', '-pc', String(comps.length), ...comps.map((f) => `./${f}`), ...rest.map((f) => `./${f}`)];
  const res = spawnSync(binary(repoRoot, 'wcsc'), args, { cwd: root, maxBuffer: MAX_BUFFER });
  const stdout = (res.stdout || '').toString();
  if (res.status !== 0) throw new CompileError(`wcsc failed: ${(res.stderr || '').toString().trim() || stdout.trim()}`);
  const parts = stdout.split('=');
  const files = {};
  let comm = '';
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (parts[i] === 'comm') comm = parts[i + 1];
    else if (parts[i].endsWith('.wxss')) files[parts[i].replace(/^\.\//, '')] = parts[i + 1];
  }
  return { comm, files };
}

/** A browser script defining window.__wxss[file] = () => rewriter, sharing the comm scope. */
export function wxssScript(compiled) {
  const entries = Object.entries(compiled.files)
    .map(([file, code]) => `${JSON.stringify(file)}: function () { return ${decode(code)}; }`)
    .join(',\n');
  return `(function () {\n${decode(compiled.comm)}\nwindow.__wxss = {\n${entries}\n};\n})();\n`;
}

/** wcsc escapes its output like a JS string literal body (\\x3d, \\n …); decode it back to source. */
function decode(s) {
  return s.replace(/\\x([0-9a-fA-F]{2})|\\n|\\r|\\t|\\'|\\"|\\\\/g, (m, hex) => {
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    return { '\\n': '\n', '\\r': '\r', '\\t': '\t', "\\'": "'", '\\"': '"', '\\\\': '\\' }[m];
  });
}
