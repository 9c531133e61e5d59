// Compiles a mini program once (wcc, wcsc, esbuild) and renders pages × scenarios to PNG in one browser.
/* global window, document, performance, getComputedStyle */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLOUD_ORIGIN, ORIGIN, installRoutes, launch, vantIconFont } from './browser.mjs';
import { bundleApp, bundleRuntime } from './bundle.mjs';
import { CompileError, compileWxml, compileWxss, wxssScript } from './compile.mjs';
import { frameHtml, layoutOf, webviewHtml, windowOf } from './frame.mjs';
import { componentsFor, readProject, stageProject } from './project.mjs';
import { IDENTITIES } from './scenarios.mjs';

export const NOW = '2026-11-28T09:00:00+08:00';
const here = new URL('.', import.meta.url).pathname;
const JS = 'application/javascript; charset=utf-8';

const prefixOf = (path) => path.replace(/\/index$/, '').replace(/^miniprogram_npm\//, '').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-+/, '');

/**
 * Stages and compiles the mini program. A compile failure does not throw: it is returned as `compileError`
 * so every page can report it.
 */
export async function prepare({ repoRoot, srcRoot, stageDir }) {
  const stageRoot = await stageProject({ srcRoot, stageDir, repoRoot });
  const project = readProject(stageRoot);
  const files = new Map();
  files.set('/__preview__/builtins.css', { type: 'text/css', body: readFileSync(join(here, 'runtime', 'builtins.css'), 'utf8') });
  files.set('/__preview__/runtime.js', { type: JS, body: await bundleRuntime() });
  let compileError = null;
  const outside = [];
  try {
    const gwx = compileWxml(repoRoot, stageRoot, project);
    files.set('/__preview__/gwx.js', { type: JS, body: `window.__gwx = (function () {\n${gwx}\nreturn $gwx;\n})();\n` });
    const wxss = compileWxss(repoRoot, stageRoot);
    files.set('/__preview__/wxss.js', { type: JS, body: wxssScript(wxss) });
    project.wxssFiles = new Set(Object.keys(wxss.files));
    const app = await bundleApp(srcRoot, [...project.components.keys()], stageRoot);
    files.set('/__preview__/app.js', { type: JS, body: app.code });
    outside.push(...app.outside.map((o) => `${o}: outside the mini program root, WeChat cannot load it at run time`));
  } catch (err) {
    if (!(err instanceof CompileError) && !(err && err.errors)) throw err;
    compileError = err instanceof CompileError ? err.message : `esbuild: ${err.message}`;
  }
  return { stageRoot, project, files, compileError, outside, iconFont: vantIconFont(repoRoot) };
}

function manifestFor(prepared, page, scenario) {
  const { project } = prepared;
  const { order, tags } = componentsFor(project, page);
  const openid = IDENTITIES[scenario.identity] || scenario.identity;
  const components = order.map((path) => {
    const entry = project.components.get(path);
    return [path, { isPage: path === page, tagName: tags.get(path) || 'page', classPrefix: path === page ? '' : prefixOf(path), usingComponents: entry.using }];
  });
  const styles = [];
  for (const [path, info] of components) {
    if (!info.isPage && prepared.project.wxssFiles.has(`${path}.wxss`)) styles.push({ file: `${path}.wxss`, suffix: `${info.classPrefix}--` });
  }
  // app.wxss is inserted by the wcsc runtime itself (comm), before everything else
  if (project.wxssFiles.has(`${page}.wxss`)) styles.push({ file: `${page}.wxss`, suffix: '' });
  return {
    page,
    query: scenario.query || {},
    confirm: !!scenario.confirm,
    openid,
    cloudUrl: CLOUD_ORIGIN,
    storage: { 'boai:local-cloud': { url: CLOUD_ORIGIN, openid } },
    components,
    styles,
    knownTags: [...new Set(components.filter(([, i]) => !i.isPage).map(([, i]) => i.tagName))],
  };
}

/** Opens the browser; returns render(page, scenario, outFile), open(page, scenario), setClock(ms) and close(). */
export async function openRenderer(prepared, { cloudUrl = null, now = NOW } = {}) {
  const session = await launch({ now });
  let seq = 0;
  let clockMs = Date.parse(now);

  /**
   * Loads one page in a new tab and waits until it settles; the caller taps, fills, shoots and closes it.
   * `cloud` overrides the renderer's local cloud (each flow runs against its own).
   */
  async function open(page, scenario, cloud = cloudUrl) {
    const id = `s${++seq}`;
    const pageJsonFile = join(prepared.stageRoot, `${page}.json`);
    const pageJson = existsSync(pageJsonFile) ? JSON.parse(readFileSync(pageJsonFile, 'utf8')) : {};
    const win = windowOf(prepared.project.app, pageJson);
    const layout = layoutOf(prepared.project.app, page, win);
    const manifest = { ...manifestFor(prepared, page, scenario), windowHeight: layout.height };
    const files = new Map(prepared.files);
    files.set(`/__preview__/${id}/manifest.js`, { type: JS, body: `window.__PREVIEW_MANIFEST__ = ${JSON.stringify(manifest)};` });
    files.set(`/__preview__/${id}/webview.html`, {
      type: 'text/html; charset=utf-8',
      body: webviewHtml({
        manifestUrl: `/__preview__/${id}/manifest.js`,
        scripts: ['/__preview__/gwx.js', '/__preview__/wxss.js', '/__preview__/app.js', '/__preview__/runtime.js'],
        background: '#ffffff',
        fontCss: '',
      }),
    });
    const assetUrl = (p) => (existsSync(join(prepared.stageRoot, p.replace(/^\//, ''))) ? `/${p.replace(/^\//, '')}` : null);
    files.set(`/__preview__/${id}/frame.html`, {
      type: 'text/html; charset=utf-8',
      body: frameHtml({ app: prepared.project.app, page, win, layout, webviewUrl: `/__preview__/${id}/webview.html`, assetUrl, clockMs }),
    });
    const tab = await session.context.newPage();
    const consoleErrors = [];
    tab.on('pageerror', (err) => consoleErrors.push(String(err && err.stack ? err.stack : err)));
    const handle = { tab, frame: null, consoleErrors, settle: async () => {}, close: () => tab.close() };
    await installRoutes(tab, { files, stageRoot: prepared.stageRoot, cloudUrl: cloud, network: scenario.network, iconFont: prepared.iconFont, image: scenario.image });
    await tab.goto(`${ORIGIN}/__preview__/${id}/frame.html`);
    const frame = tab.frame({ url: /webview\.html$/ });
    if (!frame) throw new Error('webview frame missing');
    handle.frame = frame;
    await frame.waitForFunction(() => window.__preview && window.__preview.done, null, { timeout: 15000 });
    handle.settle = async () => {
      if (scenario.network === 'hang') return;
      await frame.waitForFunction(
        () => window.__preview.inflight === 0 && performance.now() - window.__preview.lastActivity > 150,
        null,
        { timeout: 10000, polling: 50 },
      );
    };
    await handle.settle();
    return handle;
  }

  /** Waits for fonts and images, reports what the page logged, and writes the PNG. */
  async function shoot(handle, outFile) {
    const { tab, frame } = handle;
    await frame.evaluate(async () => {
      await document.fonts.ready;
      await Promise.all(
        [...document.images].filter((i) => !i.complete && i.src).map((i) => new Promise((r) => ((i.onload = r), (i.onerror = r)))),
      );
    });
    await tab.waitForTimeout(60);
    const report = await frame.evaluate(() => {
      const p = window.__preview;
      const root = document.getElementById('page');
      const text = (root.innerText || '').replace(/\s+/g, '');
      const images = [...root.querySelectorAll('img, wx-image, wx-canvas, svg')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0;
      });
      const painted = [...root.querySelectorAll('*')].some((el) => getComputedStyle(el).backgroundImage !== 'none');
      return { errors: p.errors, log: p.log, title: p.title, unresolved: p.unresolved(), blank: !text && !images.length && !painted };
    });
    if (process.env.PREVIEW_DEBUG) {
      writeFileSync(`${outFile}.html`, await frame.evaluate(() => document.documentElement.outerHTML));
    }
    if (report.title !== null) {
      await tab.evaluate((t) => {
        const el = document.getElementById('title');
        if (el) el.textContent = t;
      }, report.title);
    }
    mkdirSync(join(outFile, '..'), { recursive: true });
    await tab.screenshot({ path: outFile, animations: 'disabled', caret: 'hide', scale: 'device' });
    const errors = [...report.errors, ...handle.consoleErrors.filter((e) => !report.errors.some((r) => r.includes(e.split('\n')[0])))];
    return { ...report, errors };
  }

  async function render(page, scenario, outFile) {
    const started = Date.now();
    const result = { page, scenario: scenario.name, loading: scenario.network === 'hang', file: outFile, errors: [], unresolved: [], blank: false, log: [], ms: 0 };
    if (prepared.compileError) {
      result.errors.push(prepared.compileError);
      return result;
    }
    let handle = null;
    try {
      handle = await open(page, scenario);
      for (const selector of scenario.taps || []) {
        await handle.frame.locator(selector).first().tap({ timeout: 5000 });
        await handle.tab.waitForTimeout(50);
        await handle.settle();
      }
      if (scenario.waitMs) await handle.tab.waitForTimeout(scenario.waitMs);
      const report = await shoot(handle, outFile);
      result.errors.push(...report.errors);
      result.unresolved = report.unresolved;
      result.blank = report.blank;
      result.log = report.log;
    } catch (err) {
      result.errors.push(`render: ${err && err.message ? err.message : err}`);
    } finally {
      if (handle) await handle.close();
    }
    result.ms = Date.now() - started;
    return result;
  }

  /** Moves the page clock (the local cloud's clock is moved by the caller): later pages see that time. */
  async function setClock(ms) {
    clockMs = ms;
    await session.context.clock.setFixedTime(new Date(ms));
  }

  return { render, open, shoot, setClock, context: session.context, close: () => session.close() };
}

/** Problems that make a shot a failure for the smoke test. */
export function problemsOf(prepared, result) {
  const out = [...result.errors, ...prepared.outside];
  for (const p of prepared.project.problems) if (p.startsWith(`${result.page}:`) || isUsedBy(prepared, result.page, p)) out.push(p);
  if (result.unresolved.length) out.push(`unresolved component tag(s): ${result.unresolved.map((t) => `<${t}>`).join(', ')}`);
  if (result.blank && !result.loading) out.push('blank page: no visible text or image');
  return out;
}

function isUsedBy(prepared, page, problem) {
  const { order } = componentsFor(prepared.project, page);
  return order.some((c) => problem.startsWith(`${c}:`));
}

export function writeJson(file, data) {
  writeFileSync(file, JSON.stringify(data, null, 2));
}
