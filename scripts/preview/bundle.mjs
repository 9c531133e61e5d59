// esbuild bundles for the preview webview: the runtime (j-component + exparser + wx shim, with small patches)
// and the mini program's own JavaScript/TypeScript as lazily run modules keyed by path.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** j-component gaps (see shared/notes/page-preview.md): honour addGlobalClass, add groupSetData. */
const patchJComponent = {
  name: 'patch-j-component',
  setup(b) {
    b.onLoad({ filter: /j-component[\\/]src[\\/]componentmanager\.js$/ }, (args) => {
      let src = readFileSync(args.path, 'utf8');
      const patches = [
        ['addGlobalClass: false,', 'addGlobalClass: !!options.addGlobalClass,'],
        [
          'caller.createSelectorQuery = () => new SelectorQuery(caller)',
          'caller.groupSetData = (cb) => { if (typeof cb === "function") cb() }\n        caller.createSelectorQuery = () => new SelectorQuery(caller)',
        ],
      ];
      for (const [from, to] of patches) {
        if (!src.includes(from)) throw new Error(`j-component patch no longer applies: ${from}`);
        src = src.replace(from, to);
      }
      return { contents: src, loader: 'js' };
    });
    // rpx in style attributes: WeChat's formula (750rpx = device width, tiny values floor to 1px / 0.5px on iOS)
    b.onLoad({ filter: /j-component[\\/]src[\\/]tool[\\/]utils\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const from = "return style.replace(/(\\d+)rpx/ig, '$1px')";
      if (!src.includes(from)) throw new Error('j-component patch no longer applies: transformRpx');
      const to =
        'return String(style).replace(/(-?\\d*\\.?\\d+)rpx/ig, (m, n) => { const v = Number(n); if (v === 0) return "0px"; const px = Math.floor(Math.abs(v) / 750 * 375 + 1e-4); return (v < 0 ? "-" : "") + (px === 0 ? 0.5 : px) + "px" })';
      return { contents: src.replace(from, to), loader: 'js' };
    });
  },
};

export async function bundleRuntime() {
  const out = await build({
    entryPoints: [join(here, 'runtime', 'webview.js')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    define: { global: 'window', 'process.env.NODE_ENV': '"production"' },
    plugins: [patchJComponent],
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

function scriptOf(root, path) {
  for (const ext of ['.ts', '.js']) if (existsSync(join(root, path + ext))) return join(root, path + ext);
  return null;
}

/**
 * Bundles app.ts/js and every page/component script into window.__mpModules = { path: () => run }.
 * Scripts come from srcRoot (so the bundle works even when they reach outside it), npm packages from
 * npmRoot/miniprogram_npm. Returns the code and the runtime imports that leave srcRoot, which WeChat cannot load.
 */
export async function bundleApp(root, paths, npmRoot = root) {
  const from = (p) => (p.startsWith('miniprogram_npm/') ? npmRoot : root);
  const entries = [['app', scriptOf(root, 'app')], ...paths.map((p) => [p, scriptOf(from(p), p)])].filter(([, f]) => f);
  const source = `window.__mpModules = {\n${entries
    .map(([p, f]) => `  ${JSON.stringify(p)}: () => require(${JSON.stringify(f)}),`)
    .join('\n')}\n};\n`;
  const npmDir = join(npmRoot, 'miniprogram_npm');
  const miniprogramNpm = {
    name: 'miniprogram-npm',
    setup(b) {
      // bare imports resolve to miniprogram_npm like in the mini program (same module instances as components)
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        for (const c of [args.path, `${args.path}.js`, join(args.path, 'index.js')]) {
          const full = join(npmDir, c);
          if (full.endsWith('.js') && existsSync(full)) return { path: full };
        }
        return undefined;
      });
    },
  };
  const out = await build({
    stdin: { contents: source, resolveDir: root, sourcefile: 'preview-app-entry.js', loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    resolveExtensions: ['.ts', '.js', '.json'],
    plugins: [miniprogramNpm],
    logLevel: 'silent',
    metafile: true,
  });
  const cwd = process.cwd();
  const abs = (p) => (isAbsolute(p) ? p : resolve(cwd, p));
  const inside = (p) => abs(p).startsWith(root + sep) || abs(p).startsWith(npmDir + sep);
  const outside = [];
  for (const [file, input] of Object.entries(out.metafile.inputs)) {
    if (!inside(file)) continue;
    for (const imp of input.imports) {
      if (!imp.external && !inside(imp.path)) outside.push(`${relative(root, abs(file))} imports ${imp.original || imp.path}`);
    }
  }
  return { code: out.outputFiles[0].text, outside };
}
