/* global document, window */
// Built-in WeChat components (view, button, image, input …) as exparser components for the preview webview.
// j-component drops attributes of built-in tags, so each one declares the properties it needs and mirrors them
// onto its DOM element (as attributes the default stylesheet in builtins.css can select, or as real content).
const jComponent = require('j-component');

/** Properties mirrored to DOM attributes, per built-in tag. */
const REFLECTED = {
  button: ['type', 'size', 'plain', 'disabled', 'loading', 'formType', 'openType', 'hoverClass'],
  image: ['src', 'mode', 'lazyLoad', 'showMenuByLongpress'],
  input: ['value', 'placeholder', 'type', 'password', 'disabled', 'maxlength', 'placeholderClass', 'placeholderStyle', 'focus', 'confirmType', 'cursorSpacing', 'alwaysEmbed', 'adjustPosition', 'holdKeyboard', 'autoFocus'],
  textarea: ['value', 'placeholder', 'disabled', 'maxlength', 'autoHeight', 'placeholderClass', 'placeholderStyle', 'focus', 'fixed', 'showConfirmBar', 'cursorSpacing', 'adjustPosition', 'holdKeyboard', 'disableDefaultPadding', 'confirmType'],
  text: ['userSelect', 'selectable', 'space', 'decode'],
  'scroll-view': ['scrollX', 'scrollY', 'scrollTop', 'scrollLeft', 'scrollIntoView', 'enhanced', 'showScrollbar', 'refresherEnabled', 'enableFlex', 'scrollWithAnimation'],
  'rich-text': ['nodes'],
  icon: ['type', 'size', 'color'],
  progress: ['percent', 'showInfo', 'strokeWidth', 'activeColor', 'backgroundColor', 'active'],
  switch: ['checked', 'disabled', 'type', 'color'],
  checkbox: ['checked', 'disabled', 'value', 'color'],
  radio: ['checked', 'disabled', 'value', 'color'],
  navigator: ['url', 'openType', 'hoverClass', 'delta'],
  picker: ['mode', 'range', 'rangeKey', 'value', 'start', 'end', 'fields', 'disabled'],
  swiper: ['indicatorDots', 'autoplay', 'current', 'interval', 'duration', 'circular', 'vertical'],
  canvas: ['type', 'canvasId'],
  form: [],
  label: ['for'],
};

const ALL_TAGS = [
  'view', 'scroll-view', 'swiper', 'swiper-item', 'movable-area', 'movable-view', 'cover-view', 'cover-image',
  'icon', 'text', 'rich-text', 'progress', 'button', 'checkbox', 'checkbox-group', 'form', 'input', 'label',
  'picker', 'picker-view', 'picker-view-column', 'radio', 'radio-group', 'slider', 'switch', 'textarea',
  'navigator', 'image', 'video', 'camera', 'map', 'canvas', 'web-view', 'ad', 'open-data', 'page-meta',
  'navigation-bar', 'root-portal', 'page-container', 'match-media', 'official-account', 'editor',
];

function dash(name) {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function reflect(el, name, value) {
  const attr = dash(name);
  if (value === false || value === null || value === undefined || value === '') el.removeAttribute(attr);
  else el.setAttribute(attr, value === true ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/** Real content inside some built-ins, so they look and measure like the device. */
const CONTENT = {
  image(el, data) {
    el.style.backgroundImage = data.src ? `url("${String(data.src).replace(/"/g, '%22')}")` : '';
    if (data.src && !el.__probe) {
      // keep an <img> so "page has an image" checks and load waits see it
      el.__probe = document.createElement('img');
      el.__probe.setAttribute('data-preview-probe', '');
      el.__probe.style.display = 'none';
      el.appendChild(el.__probe);
    }
    if (el.__probe) el.__probe.src = data.src || '';
  },
  input(el, data) {
    let input = el.__input;
    if (!input) {
      input = el.__input = document.createElement('input');
      el.appendChild(input);
    }
    input.type = data.password || data.type === 'safe-password' ? 'password' : 'text';
    input.value = data.value === undefined || data.value === null ? '' : String(data.value);
    input.placeholder = data.placeholder || '';
    input.disabled = !!data.disabled;
    input.setAttribute('style', data.placeholderStyle ? `--ph:${data.placeholderStyle}` : '');
  },
  textarea(el, data) {
    let area = el.__area;
    if (!area) {
      area = el.__area = document.createElement('textarea');
      el.appendChild(area);
    }
    area.value = data.value === undefined || data.value === null ? '' : String(data.value);
    area.placeholder = data.placeholder || '';
    area.disabled = !!data.disabled;
  },
  'rich-text'(el, data) {
    let box = el.__box;
    if (!box) {
      box = el.__box = document.createElement('div');
      el.appendChild(box);
    }
    box.innerHTML = typeof data.nodes === 'string' ? data.nodes : '';
  },
  // <canvas type="2d">: a real browser canvas, handed to the page as the node `fields({ node: true })` gives.
  canvas(el) {
    if (el.__canvas) return;
    const canvas = (el.__canvas = document.createElement('canvas'));
    canvas.style.width = '100%';
    canvas.style.height = '100%';
    canvas.style.display = 'block';
    canvas.createImage = () => new window.Image();
    canvas.requestAnimationFrame = (fn) => window.requestAnimationFrame(fn);
    el.appendChild(canvas);
  },
  progress(el, data) {
    let bar = el.__bar;
    if (!bar) {
      bar = el.__bar = document.createElement('div');
      bar.className = 'wx-progress-bar';
      bar.appendChild(document.createElement('div'));
      el.appendChild(bar);
    }
    const percent = Math.max(0, Math.min(100, Number(data.percent) || 0));
    bar.style.height = `${Number(data.strokeWidth) || 6}px`;
    bar.style.background = data.backgroundColor || '#ebebeb';
    bar.firstChild.style.width = `${percent}%`;
    bar.firstChild.style.background = data.activeColor || '#09bb07';
  },
};

/** <navigator>: a tap opens its url the way WeChat does (navigateTo unless open-type says otherwise). */
function navigatorAttached(sync) {
  return function () {
    sync.call(this);
    const el = this._exparserNode && this._exparserNode.$$;
    if (!el || el.__navigates) return;
    el.__navigates = true;
    el.addEventListener('click', () => {
      const type = this.data.openType || 'navigate';
      if (type === 'navigateBack') window.wx.navigateBack({ delta: Number(this.data.delta) || 1 });
      else if (this.data.url) {
        const api = { navigate: 'navigateTo', redirect: 'redirectTo', switchTab: 'switchTab', reLaunch: 'reLaunch' }[type];
        if (api) window.wx[api]({ url: this.data.url });
      }
    });
  };
}

function register() {
  for (const name of ALL_TAGS) {
    const reflected = REFLECTED[name] || [];
    const properties = {};
    for (const key of reflected) properties[key] = { type: null };
    const fill = CONTENT[name];
    const sync = function () {
      const node = this._exparserNode;
      const el = node && node.$$;
      if (!el) return;
      for (const key of reflected) reflect(el, key, this.data[key]);
      if (fill) fill(el, this.data);
    };
    jComponent.register({
      id: name,
      tagName: `wx-${name}`,
      template: '<slot/>',
      properties,
      options: { addGlobalClass: true },
      observers: reflected.length ? { [reflected.join(',')]: sync } : undefined,
      lifetimes: { attached: name === 'navigator' ? navigatorAttached(sync) : sync },
    });
  }
}

module.exports = { register, BUILTIN_TAGS: ALL_TAGS };
