// Offline substitute for WeChat DevTools "Build npm" (packNpmManually + packNpmRelationList in project.config.json).
// For each `dependencies` entry (never devDependencies) of package.json:
//   - a package with a `miniprogram` field (Vant Weapp: `lib`): that folder is copied to miniprogram_npm/<name>;
//   - any other package (dayjs, uCharts, qrcode-generator): its `main` entry (the `require` of its `exports`) is
//     bundled with esbuild into miniprogram_npm/<name>/index.js.
// This is what DevTools produces too: it packs only each package's main entry, so subpaths such as
// `dayjs/plugin/utc` do NOT resolve in a mini program; miniprogram/utils/time.ts imports `dayjs` alone.
import { buildSync } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The installed folder of `name`: looked up, not resolved, as `exports` may hide `<name>/package.json`. */
function packageDir(requireFromRoot, name) {
  for (const base of requireFromRoot.resolve.paths(name) ?? []) {
    if (existsSync(join(base, name, 'package.json'))) return join(base, name);
  }
  throw new Error(`${name} is not installed: run npm ci`);
}

/** Where DevTools puts the packed packages (packNpmRelationList[0].miniprogramNpmDistDir + miniprogram_npm). */
export const NPM_DIST = join(root, 'miniprogram', 'miniprogram_npm');

/**
 * Packs every dependency into miniprogram/miniprogram_npm (synchronously, ~0.1–0.3 s).
 * @returns {{ name: string, mode: 'copy' | 'bundle' }[]} what was packed
 */
export function packNpm({ projectRoot = root, outDir = NPM_DIST } = {}) {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  const requireFromRoot = createRequire(join(projectRoot, 'package.json'));
  const packed = [];
  rmSync(outDir, { recursive: true, force: true });
  for (const name of Object.keys(pkg.dependencies ?? {})) {
    const pkgDir = packageDir(requireFromRoot, name);
    const depPkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    const target = join(outDir, name);
    if (typeof depPkg.miniprogram === 'string') {
      const source = join(pkgDir, depPkg.miniprogram);
      if (!existsSync(source)) throw new Error(`${name}: miniprogram folder ${depPkg.miniprogram} is missing`);
      cpSync(source, target, { recursive: true });
      packed.push({ name, mode: 'copy' });
    } else {
      mkdirSync(target, { recursive: true });
      buildSync({
        entryPoints: [requireFromRoot.resolve(name)],
        outfile: join(target, 'index.js'),
        bundle: true,
        format: 'cjs',
        platform: 'neutral',
        target: 'es2017',
        // Minified: a bundled package counts against the main package's 1.5 MB (uCharts: 283 KB → about 128 KB).
        minify: true,
        logLevel: 'warning',
      });
      packed.push({ name, mode: 'bundle' });
    }
  }
  return packed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = Date.now();
  const packed = packNpm();
  const list = packed.map((p) => `${p.name} (${p.mode})`).join(', ');
  console.log(`pack-npm: ${list} → miniprogram/miniprogram_npm in ${Date.now() - started} ms`);
}
