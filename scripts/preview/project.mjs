// Reads a mini program (app.json, pages, components), stages it under .build/preview and resolves every
// `usingComponents` entry the way WeChat does (absolute, relative, then miniprogram_npm walking up).
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Every file under dir (posix paths relative to dir). */
export function listFiles(dir, base = dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      listFiles(full, base, out);
    } else out.push(relative(base, full).split('\\').join('/'));
  }
  return out;
}

/** Copies the mini program to stageDir; packs npm packages there when the source has no miniprogram_npm. */
export async function stageProject({ srcRoot, stageDir, repoRoot }) {
  rmSync(stageDir, { recursive: true, force: true });
  mkdirSync(stageDir, { recursive: true });
  cpSync(srcRoot, stageDir, { recursive: true });
  if (!existsSync(join(stageDir, 'miniprogram_npm'))) {
    const { packNpm } = await import(join(repoRoot, 'scripts', 'pack-npm.mjs'));
    packNpm({ projectRoot: repoRoot, outDir: join(stageDir, 'miniprogram_npm') });
  }
  return stageDir;
}

/** All page paths of app.json: main package first, then each subpackage. */
export function pagesOf(appJson) {
  const pages = [...(appJson.pages || [])];
  for (const sub of appJson.subpackages || appJson.subPackages || []) {
    for (const page of sub.pages || []) pages.push(posix.join(sub.root, page));
  }
  return pages;
}

function resolveComponent(root, fromPath, request) {
  const exists = (p) => existsSync(join(root, `${p}.json`)) && existsSync(join(root, `${p}.wxml`));
  const candidates = [];
  if (request.startsWith('/')) candidates.push(posix.normalize(request.slice(1)));
  else {
    const fromDir = posix.dirname(fromPath);
    candidates.push(posix.normalize(posix.join(fromDir, request)));
    if (!request.startsWith('.')) {
      let dir = fromDir;
      for (;;) {
        const base = dir === '.' ? 'miniprogram_npm' : posix.join(dir, 'miniprogram_npm');
        candidates.push(posix.join(base, request), posix.join(base, request, 'index'));
        if (dir === '.') break;
        dir = posix.dirname(dir);
      }
    }
  }
  for (const c of candidates) {
    if (!c.startsWith('..') && exists(c)) return c;
  }
  return null;
}

/**
 * Walks pages and their components.
 * @returns {{ app: object, pages: string[], components: Map<string, {json: object, isPage: boolean, using: Record<string,string>}>, problems: string[] }}
 */
export function readProject(root) {
  const app = readJson(join(root, 'app.json'));
  const pages = pagesOf(app);
  const globalUsing = app.usingComponents || {};
  const components = new Map();
  const problems = [];
  const visit = (path, isPage) => {
    if (components.has(path)) return;
    const jsonFile = join(root, `${path}.json`);
    const json = existsSync(jsonFile) ? readJson(jsonFile) : {};
    if (!existsSync(join(root, `${path}.wxml`))) problems.push(`${path}: missing ${path}.wxml`);
    const using = {};
    const entry = { json, isPage, using };
    components.set(path, entry);
    const requested = Object.assign({}, globalUsing, json.usingComponents || {});
    for (const [tag, request] of Object.entries(requested)) {
      if (String(request).startsWith('plugin://')) continue;
      const resolved = resolveComponent(root, path, String(request));
      if (!resolved) {
        problems.push(`${path}: usingComponents "${tag}": "${request}" does not resolve to a component`);
        continue;
      }
      using[tag] = resolved;
      visit(resolved, false);
    }
  };
  for (const page of pages) visit(page, true);
  return { app, pages, components, problems };
}

/** The components one page needs, dependencies before dependants, with the tag names they are used under. */
export function componentsFor(project, page) {
  const order = [];
  const tags = new Map();
  const seen = new Set();
  const walk = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    const entry = project.components.get(path);
    if (!entry) return;
    for (const [tag, dep] of Object.entries(entry.using)) {
      if (!tags.has(dep)) tags.set(dep, tag);
      walk(dep);
    }
    order.push(path);
  };
  walk(page);
  return { order, tags };
}

export { dirname };
