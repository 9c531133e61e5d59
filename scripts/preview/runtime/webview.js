/* global window, document, performance */
// Boots one mini program page inside the preview webview (an iframe in the device frame): registers the
// built-ins, runs app.js, loads the page's components on exparser through j-component, calls the page
// lifecycles, and reports errors, unresolved tags and network activity to the Node side (window.__preview).
const jComponent = require('j-component');
const { register: registerBuiltins, BUILTIN_TAGS } = require('./builtins');
const { createWx } = require('./wx');

const manifest = window.__PREVIEW_MANIFEST__;
const state = (window.__preview = { errors: [], log: [], inflight: 0, lastActivity: 0, done: false, title: null });

function fail(where, err) {
  const message = err && err.stack ? String(err.stack) : String(err && err.message ? err.message : err);
  state.errors.push(`${where}: ${message}`);
  console.error(`[preview] ${where}:`, err);
}
window.addEventListener('error', (e) => fail('uncaught', e.error || e.message));
window.addEventListener('unhandledrejection', (e) => fail('unhandled rejection', e.reason));

// network bookkeeping (wx.request uses fetch)
const realFetch = window.fetch.bind(window);
window.fetch = (...args) => {
  state.inflight += 1;
  state.lastActivity = performance.now();
  return realFetch(...args).finally(() => {
    state.inflight -= 1;
    state.lastActivity = performance.now();
  });
};

// ---- toast (wx.showToast) ----
let toastEl = null;
function toast(title, icon) {
  if (!toastEl) {
    toastEl = document.createElement('div');
    toastEl.className = 'preview-wx-toast';
    document.body.appendChild(toastEl);
  }
  toastEl.textContent = title || '';
  toastEl.dataset.icon = icon || 'none';
  toastEl.style.display = title ? '' : 'none';
}

// ---- globals a mini program expects ----
let pageCaller = null;
let pageRoot = null;
let appInstance = {};
window.__wxConfig = { envVersion: 'develop' };
window.__webview_engine_version__ = 0.02;
/** j-component's query has no `fields({ node })`: a <canvas> answers with its real browser canvas. */
function withNodes(query) {
  if (!query.select || query.__nodes) return query;
  query.__nodes = true;
  const select = query.select.bind(query);
  const inside = query.in && query.in.bind(query);
  if (inside) query.in = (component) => (inside(component), query);
  query.select = (selector) => {
    const ref = select(selector);
    const fields = ref.fields.bind(ref);
    ref.fields = (wanted, callback) =>
      fields(wanted, (res) => {
        if (res && wanted && wanted.node) {
          const found = ref._exparserNode && ref._exparserNode.shadowRoot.querySelector(selector);
          res.node = (found && found.$$ && found.$$.__canvas) || null;
        }
        if (callback) callback(res);
      });
    return ref;
  };
  return query;
}

window.wx = createWx({
  cloudUrl: manifest.cloudUrl,
  openid: manifest.openid,
  storage: manifest.storage,
  route: manifest.page,
  query: manifest.query,
  windowHeight: manifest.windowHeight,
  record: (kind, detail) => state.log.push({ kind, detail }),
  // wx.showModal: a flow step that answers the platform dialog says so; otherwise the user cancels
  modalConfirm: !!manifest.confirm,
  toast,
  setTitle: (title) => (state.title = String(title)),
  // wx.pageScrollTo: a selector (offsetTop added) or a scrollTop, at once (a screenshot has no animation).
  scrollTo: ({ selector, offsetTop = 0, scrollTop }) => {
    const found = selector && pageRoot ? pageRoot.querySelector(selector) : null;
    const el = found && found.dom;
    if (el) window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY + offsetTop);
    else if (typeof scrollTop === 'number') window.scrollTo(0, scrollTop);
  },
  createSelectorQuery: () => {
    const query = pageCaller ? pageCaller.createSelectorQuery() : {};
    if (!query.in || !pageCaller) query.in = (component) => withNodes(component.createSelectorQuery());
    return withNodes(query);
  },
});
window.getApp = () => appInstance;
window.getCurrentPages = () => (pageCaller ? [pageCaller] : []);
window.App = (options) => {
  appInstance = Object.assign({}, options, { globalData: options.globalData || {} });
};
window.Behavior = (definition) => jComponent.behavior(definition);

let pending = null;
window.Component = (options) => (pending = { kind: 'component', options });
window.Page = (options) => (pending = { kind: 'page', options });

function run(path) {
  const thunk = window.__mpModules[path];
  if (!thunk) return null;
  pending = null;
  thunk();
  const out = pending;
  pending = null;
  return out;
}

function relationTargets(path, relations) {
  if (!relations) return relations;
  const base = path.split('/').slice(0, -1);
  const out = {};
  for (const [key, value] of Object.entries(relations)) {
    const parts = key.startsWith('/') ? key.slice(1).split('/') : [...base, ...key.split('/')];
    const resolved = [];
    for (const p of parts) {
      if (p === '..') resolved.pop();
      else if (p && p !== '.') resolved.push(p);
    }
    const target = resolved.join('/');
    out[target] = Object.assign({}, value, { target });
  }
  return out;
}

function pageToComponent(options) {
  const lifecycle = ['onLoad', 'onShow', 'onReady', 'onHide', 'onUnload'];
  const methods = {};
  const fields = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === 'data' || key === 'behaviors' || key === 'options') continue;
    if (typeof value === 'function') methods[key] = value;
    else fields[key] = value;
  }
  for (const name of lifecycle) if (!methods[name]) methods[name] = () => {};
  return { data: options.data || {}, behaviors: options.behaviors, methods, fields };
}

function registerComponent(path, info) {
  const template = window.__gwx(`${path}.wxml`);
  if (typeof template !== 'function') throw new Error(`no compiled template for ${path}.wxml`);
  const loaded = run(path);
  let def = {};
  let fields = {};
  if (info.isPage) {
    if (!loaded || loaded.kind !== 'page') {
      if (loaded && loaded.kind === 'component') def = loaded.options;
      else throw new Error(`${path} did not call Page()`);
    } else {
      const converted = pageToComponent(loaded.options);
      fields = converted.fields;
      def = { data: converted.data, behaviors: converted.behaviors, methods: converted.methods };
    }
  } else if (!loaded || loaded.kind !== 'component') {
    throw new Error(`${path} did not call Component()`);
  } else {
    def = loaded.options;
  }
  const options = Object.assign({}, def.options || {}, { classPrefix: info.classPrefix });
  const userAttached = def.lifetimes && def.lifetimes.attached;
  jComponent.register(
    Object.assign({}, def, {
      id: path,
      path,
      tagName: info.tagName,
      template,
      usingComponents: info.usingComponents,
      options,
      relations: relationTargets(path, def.relations),
      lifetimes: Object.assign({}, def.lifetimes, {
        created() {
          // :host rules compile to [is="<component path>"]
          if (this._exparserNode && this._exparserNode.$$) this._exparserNode.$$.setAttribute('is', path);
          Object.assign(this, JSON.parse(JSON.stringify(fields)));
          if (def.lifetimes && def.lifetimes.created) return def.lifetimes.created.apply(this, arguments);
          if (def.created && !(def.lifetimes && def.lifetimes.created)) return def.created.apply(this, arguments);
        },
        attached: userAttached,
      }),
      created: undefined,
    }),
  );
}

function insertStyles() {
  const wxss = window.__wxss;
  for (const entry of manifest.styles) {
    const rewritor = wxss[entry.file];
    if (!rewritor) continue;
    try {
      rewritor()(entry.suffix);
    } catch (err) {
      fail(`style ${entry.file}`, err);
    }
  }
}

function unresolvedTags(root) {
  const known = new Set(manifest.knownTags);
  for (const t of BUILTIN_TAGS) known.add(`wx-${t}`);
  const bad = new Set();
  for (const el of root.querySelectorAll('*')) {
    const name = el.localName;
    if (known.has(name) || ['page', 'input', 'textarea', 'div', 'img', 'virtual', 'span', 'canvas'].includes(name)) continue;
    bad.add(name);
  }
  return [...bad];
}

async function boot() {
  insertStyles();
  registerBuiltins();
  try {
    run('app');
    if (appInstance.onLaunch) appInstance.onLaunch({ path: manifest.page, query: manifest.query, scene: 1001 });
    if (appInstance.onShow) appInstance.onShow({ path: manifest.page, query: manifest.query, scene: 1001 });
  } catch (err) {
    fail('app', err);
  }
  for (const [path, info] of manifest.components) {
    try {
      registerComponent(path, info);
    } catch (err) {
      fail(`component ${path}`, err);
    }
  }
  const root = jComponent.create(manifest.page);
  if (!root) throw new Error(`page ${manifest.page} was not registered`);
  const host = document.getElementById('page');
  root.attach(host);
  pageRoot = root;
  pageCaller = root.instance;
  pageCaller.route = manifest.page;
  pageCaller.options = manifest.query;
  const call = async (name, ...args) => {
    try {
      await pageCaller[name](...args);
    } catch (err) {
      fail(`${manifest.page} ${name}`, err);
    }
  };
  const loading = call('onLoad', Object.assign({}, manifest.query));
  call('onShow');
  call('onReady');
  await loading;
}

/** What a user does to a field or picker (flows' `fill` step): the component emits its event with a value. */
state.emit = (selector, event, detail) => {
  const target = pageRoot && pageRoot.querySelector(selector);
  if (!target) return false;
  target.dispatchEvent(event, { detail });
  state.lastActivity = performance.now();
  return true;
};

boot()
  .catch((err) => fail('boot', err))
  .finally(() => {
    state.done = true;
    state.unresolved = () => unresolvedTags(document.getElementById('page'));
  });
