/**
 * Page and component tests with miniprogram-simulate, rendering the REAL Vant Weapp components.
 *
 *   installCloud((name, data) => testCloud.call(name, data, openid)); // wx.cloud.callFunction → a local cloud
 *   const mePage = loadPage('pages/me/index');                         // once per test file
 *   const page = await mePage.open();                                  // Page shim: onLoad + onShow on attach
 *   await waitForText(page, '立即登记');
 *
 * What it sets up: the official wcc compiler over miniprogram/, npm paths of `usingComponents`
 * (`@vant/weapp/*`) mapped to `/miniprogram_npm/@vant/weapp/*` (packed on demand by scripts/pack-npm.mjs),
 * `Page()`, `getApp()`, `getCurrentPages()` shims, `wx.cloud`, and recorded navigation calls.
 * Images: `wx.chooseMedia` gives the file `chooseImages(...)` picked (default test/fixtures/certificate.png),
 * `wx.cloud.uploadFile` / `wx.uploadFile` send its bytes to the local cloud, `wx.previewImage` is recorded.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import simulate from 'miniprogram-simulate';

export const PROJECT_ROOT = resolve(__dirname, '../..');
export const MINIPROGRAM_ROOT = join(PROJECT_ROOT, 'miniprogram');
const NPM_PREFIX = '@vant/weapp/';

type AnyComponent = simulate.Component<any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type RenderedPage = simulate.RootComponent<any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type CloudCall = (name: string, data: Record<string, unknown>) => Promise<unknown>;

type PageInstance = WechatMiniprogram.Component.TrivialInstance & {
  route: string;
  options: Record<string, string>;
};

const g = globalThis as unknown as Record<string, unknown>;

// ---- miniprogram_npm ------------------------------------------------------------------------------------

/** Packs miniprogram_npm unless Vant is already there (the official compiler compiles all of miniprogram/). */
export function ensureNpmPacked(): void {
  if (existsSync(join(MINIPROGRAM_ROOT, 'miniprogram_npm', '@vant', 'weapp', 'button', 'index.js'))) return;
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'pack-npm.mjs')], { stdio: 'pipe' });
}

/**
 * Every npm component used by `componentPath` and the project's own components it uses (recursively),
 * as the override miniprogram-simulate needs: `van-button` → `/miniprogram_npm/@vant/weapp/button/index`.
 */
export function npmOverrides(componentPath: string, seen = new Set<string>()): Record<string, string> {
  const overrides: Record<string, string> = {};
  if (seen.has(componentPath)) return overrides;
  seen.add(componentPath);
  const json = JSON.parse(readFileSync(`${componentPath}.json`, 'utf8')) as {
    usingComponents?: Record<string, string>;
  };
  for (const [tag, target] of Object.entries(json.usingComponents ?? {})) {
    if (target.startsWith(NPM_PREFIX)) {
      const previous = overrides[tag];
      const mapped = `/miniprogram_npm/${target}`;
      if (previous && previous !== mapped) throw new Error(`${tag} maps to two npm components`);
      overrides[tag] = mapped;
    } else if (!target.startsWith('plugin://')) {
      const local = target.startsWith('/') ? join(MINIPROGRAM_ROOT, target) : join(dirname(componentPath), target);
      Object.assign(overrides, npmOverrides(local, seen));
    }
  }
  return overrides;
}

// ---- wx, getApp, getCurrentPages, Page --------------------------------------------------------------

const pageStack: PageInstance[] = [];
let nextQuery: Record<string, string> = {};
let nextRoute = '';

/** Navigation and other side-effect calls the pages made, newest last. */
export const wxCalls: { api: string; args: unknown }[] = [];

function stub(api: string, result: unknown = {}) {
  return (args: { success?: (res: unknown) => void; complete?: (res: unknown) => void } = {}) => {
    wxCalls.push({ api, args });
    const res = { errMsg: `${api}:ok`, ...(result as object) };
    args.success?.(res);
    args.complete?.(res);
    return Promise.resolve(res);
  };
}

/** The launch scene `wx.getLaunchOptionsSync()` reports (1001: opened from the chat list; 1154: Moments single-page mode). */
let launchScene = 1001;
export function setLaunchScene(scene: number): void {
  launchScene = scene;
}

function installGlobals(): void {
  const wx = (g.wx ?? {}) as Record<string, unknown>;
  g.wx = wx;
  for (const api of [
    'navigateTo',
    'redirectTo',
    'switchTab',
    'reLaunch',
    'navigateBack',
    'stopPullDownRefresh',
    'startPullDownRefresh',
    'openPrivacyContract',
    'showToast',
    'hideToast',
    'showLoading',
    'hideLoading',
    'setNavigationBarTitle',
    'pageScrollTo',
    'previewImage',
  ]) {
    wx[api] = stub(api);
  }
  wx.chooseMedia = chooseMedia;
  wx.uploadFile = uploadFile;
  // Storage kept in memory for the test file (the simulate mock forgets every write).
  const storage = new Map<string, unknown>();
  wx.getStorageSync = (key: string) => (storage.has(key) ? storage.get(key) : '');
  wx.setStorageSync = (key: string, value: unknown) => void storage.set(key, value);
  wx.removeStorageSync = (key: string) => void storage.delete(key);
  wx.clearStorageSync = () => storage.clear();
  wx.getLaunchOptionsSync = () => ({ scene: launchScene, path: '', query: {} });
  g.getApp = () => ({ globalData: {} });
  g.getCurrentPages = () => [...pageStack];
  g.Page = (options: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value;
    const component = g.Component as (definition: Record<string, unknown>) => void;
    component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: PageInstance) {
          this.route = nextRoute;
          this.options = nextQuery;
          pageStack.push(this);
          const page = this as unknown as { onLoad?: (q: unknown) => void; onShow?: () => void };
          page.onLoad?.(nextQuery);
          page.onShow?.();
        },
        detached(this: PageInstance) {
          const at = pageStack.indexOf(this);
          if (at >= 0) pageStack.splice(at, 1);
        },
      },
    });
  };
}
installGlobals();

// ---- images: chooseMedia, uploads ------------------------------------------------------------------

export const FIXTURE_IMAGE = join(PROJECT_ROOT, 'test', 'fixtures', 'certificate.png');
/** The temp paths chooseMedia handed out → the files behind them. */
const tempFiles = new Map<string, string>();
let chosen: string[] = [FIXTURE_IMAGE];

/** What the next `wx.chooseMedia` returns (files on disk; an empty list = the user cancelled). */
export function chooseImages(...files: string[]): void {
  chosen = files;
}

function chooseMedia(args: { success?: (res: unknown) => void; fail?: (res: unknown) => void } = {}) {
  wxCalls.push({ api: 'chooseMedia', args });
  if (chosen.length === 0) {
    const res = { errMsg: 'chooseMedia:fail cancel' };
    args.fail?.(res);
    return Promise.reject(res);
  }
  const files = chosen.map((file, i) => {
    const tempFilePath = `http://tmp/${i}-${basename(file)}`;
    tempFiles.set(tempFilePath, file);
    return { tempFilePath, size: readFileSync(file).length, fileType: 'image' };
  });
  const res = { errMsg: 'chooseMedia:ok', type: 'image', tempFiles: files };
  args.success?.(res);
  return Promise.resolve(res);
}

function bytesOf(tempFilePath: string): Buffer {
  const file = tempFiles.get(tempFilePath);
  if (!file) throw new Error(`${tempFilePath} is not a file wx.chooseMedia gave`);
  return readFileSync(file);
}

/** `wx.uploadFile`: the form the mini program sends, to a real HTTP server (the local cloud). */
function uploadFile(args: {
  url: string;
  filePath: string;
  name: string;
  formData?: Record<string, string>;
  header?: Record<string, string>;
  success?: (res: unknown) => void;
  fail?: (res: unknown) => void;
}) {
  wxCalls.push({ api: 'uploadFile', args: { url: args.url, name: args.name, formData: args.formData } });
  const form = new FormData();
  for (const [k, v] of Object.entries(args.formData ?? {})) form.append(k, v);
  form.append(args.name, new Blob([new Uint8Array(bytesOf(args.filePath))]), basename(args.filePath));
  void fetch(args.url, { method: 'POST', headers: args.header, body: form }).then(
    async (res) => args.success?.({ statusCode: res.status, data: await res.text(), errMsg: 'uploadFile:ok' }),
    (err: Error) => args.fail?.({ errMsg: `uploadFile:fail ${err.message}` }),
  );
  return { abort: () => undefined, onProgressUpdate: () => undefined };
}

/** Puts bytes into cloud storage at `cloudPath` as the caller and resolves to the fileID (PageCloud.upload). */
export type CloudUpload = (cloudPath: string, bytes: Buffer) => Promise<string>;

/**
 * Wires `wx.cloud.callFunction` to `call` (in-process: a local cloud or a fake). The page's typed client sees
 * exactly what CloudBase gives it: `{ result, errMsg, requestID }`. `wx.cloud.uploadFile` goes to `upload`.
 */
export function installCloud(call: CloudCall, upload?: CloudUpload): void {
  let requests = 0;
  (g.wx as Record<string, unknown>).cloud = {
    init: () => undefined,
    DYNAMIC_CURRENT_ENV: 'local',
    uploadFile: async ({ cloudPath, filePath }: { cloudPath: string; filePath: string }) => {
      wxCalls.push({ api: 'cloud.uploadFile', args: { cloudPath, filePath } });
      if (!upload) throw { errCode: -1, errMsg: 'cloud.uploadFile:fail no storage in this test (installCloud)' };
      const fileID = await upload(cloudPath, bytesOf(filePath));
      return { fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' };
    },
    callFunction: async ({ name, data }: { name: string; data?: Record<string, unknown> }) => {
      // The real wire is JSON: copying the reply also moves it into the test realm, so setData keeps arrays arrays.
      const result = JSON.parse(JSON.stringify((await call(name, data ?? {})) ?? null)) as unknown;
      requests += 1;
      return { result, errMsg: 'cloud.callFunction:ok', requestID: `test-${requests}` };
    },
  };
}

// ---- loading and rendering --------------------------------------------------------------------------

const loaded = new Map<string, string>();

/**
 * Loads a page or component once per test file (simulate cannot load the same path twice). With `fresh`, the
 * components' scripts run again in a fresh module registry: simulate re-runs each component's script to register
 * it, but jest keeps the first run cached, so a second page using the same Vant component would render it empty.
 */
export function loadComponentId(route: string, { fresh = false } = {}): string {
  const existing = loaded.get(route);
  if (existing) return existing;
  ensureNpmPacked();
  const componentPath = join(MINIPROGRAM_ROOT, route);
  const load = () =>
    simulate.load(componentPath, {
      compiler: 'official',
      rootPath: MINIPROGRAM_ROOT,
      usingComponents: npmOverrides(componentPath),
      compilerOptions: { maxBuffer: 64 * 1024 * 1024 },
    });
  let id = '';
  if (fresh) jest.isolateModules(() => void (id = load()));
  else id = load();
  loaded.set(route, id);
  return id;
}

export interface PageHandle {
  /** Renders the page and attaches it: the shim calls onLoad(query) then onShow(). */
  open(query?: Record<string, string>): Promise<RenderedPage>;
}

/** `route` as in app.json, e.g. `pages/me/index`; `fresh` as in loadComponentId (many pages in one file). */
export function loadPage(route: string, options: { fresh?: boolean } = {}): PageHandle {
  const id = loadComponentId(route, options);
  return {
    async open(query = {}) {
      nextQuery = query;
      nextRoute = route;
      const page = simulate.render(id);
      page.attach(document.createElement('parent-wrapper'));
      await settle();
      return page;
    },
  };
}

/** Renders a component (`components/post-card/index`) with properties, attached. */
export function renderComponent(route: string, properties: Record<string, unknown> = {}): RenderedPage {
  const component = simulate.render(loadComponentId(route), properties);
  component.attach(document.createElement('parent-wrapper'));
  return component;
}

/** Closes a page: detached, off the page stack. */
export function closePage(page: RenderedPage): void {
  page.detach();
}

/**
 * Taps what a user would tap and lets the handlers run (j-component dispatches events in a microtask).
 * For a `<van-button>` the tap goes to its inner native button, so Vant's own handler runs (and stays silent
 * when the button is disabled or loading) and emits `click` to the page.
 */
export async function tap(root: AnyComponent, selector: string): Promise<void> {
  const target = root.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}; page shows: ${textOf(root)}`);
  const inner = target.querySelector('.van-button');
  (inner ?? target).dispatchEvent('tap');
  await settle();
}

/** Lets pending promises and timers run. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await simulate.sleep(0);
}

/** The visible text of a rendered page or component, whitespace collapsed. */
export function textOf(component: AnyComponent): string {
  return (component.dom?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until `predicate` holds (a real local cloud answers asynchronously), or fails with the page text. */
export async function waitFor(
  component: AnyComponent,
  predicate: () => boolean,
  { timeoutMs = 3000, what = 'condition' } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; page shows: ${textOf(component)}`);
    await simulate.sleep(10);
  }
}

export function waitForText(component: AnyComponent, text: string, timeoutMs = 3000): Promise<void> {
  return waitFor(component, () => textOf(component).includes(text), { timeoutMs, what: `"${text}"` });
}

/**
 * Like installCloud, but copies every reply into this test realm first (a JSON round trip). Replies of the
 * in-process local cloud are built in Node's realm (fetch + JSON there); exparser's setData does not take
 * their arrays for arrays (it checks `instanceof Array` of this realm) and turns them into `{ "0": … }`.
 */
/** Same as installCloud (which now always copies replies into the test realm); kept for existing tests. */
export const installCloudInRealm = installCloud;

// ---- relations between components of one load ------------------------------------------------------

interface RelationDefinition {
  relations?: Record<string, { target?: string }>;
  created?: () => void;
  lifetimes?: { created?: () => void };
}
type RelationNodes = (key: string) => unknown[] | null;
interface RelationCaller {
  getRelationNodes: RelationNodes;
  _exparserNode: { getRelationNodes(id: string): { __methodCaller: unknown }[] | null };
}

/**
 * Makes a component's relations (Vant's tab in tabs, checkbox in checkbox-group …) resolve to the components of
 * its own page load. simulate registers the components again for each page it loads, and j-component looks a
 * relation's path up in one global map that holds the newest load: once a second page using `van-checkbox-group`
 * is loaded, a checkbox of the first page finds no parent (`getRelationNodes(path)` is null) and throws on tap.
 * A checkbox used without a group resolves to no parent at all, as in WeChat, instead of null.
 */
export function relationsPerLoad(): void {
  const component = g.Component as (definition: RelationDefinition) => void;
  g.Component = (definition: RelationDefinition) => {
    // simulate renames each relation of this definition to the id of its target in this load (value.target).
    const targets = new Map(Object.entries(definition.relations ?? {}));
    if (targets.size === 0) return component(definition);
    const created = definition.lifetimes?.created ?? definition.created;
    component({
      ...definition,
      lifetimes: {
        ...definition.lifetimes,
        created(this: RelationCaller) {
          const global = this.getRelationNodes;
          this.getRelationNodes = (key) => {
            const relation = targets.get(key);
            if (!relation) return global(key);
            // A target this load lacks keeps its path as id: no node holds it, so none is linked ([] as in WeChat).
            const id = relation.target ?? key;
            return this._exparserNode.getRelationNodes(id)?.map((node) => node.__methodCaller) ?? null;
          };
          created?.call(this);
        },
      },
    });
  };
}
