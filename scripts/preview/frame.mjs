// The drawn device around the webview: iPhone X status bar (fixed time), WeChat navigation bar with the capsule,
// and the app.json tab bar on tab pages. 375×812 CSS px; the webview is an iframe between the bars.
export const DEVICE = { width: 375, height: 812, statusBar: 44, navBar: 44, tabBar: 49, homeIndicator: 34 };

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Window settings for a page: app.json window overridden by the page json. */
export function windowOf(app, pageJson) {
  return Object.assign(
    { navigationBarBackgroundColor: '#000000', navigationBarTextStyle: 'white', navigationBarTitleText: '', backgroundColor: '#ffffff' },
    app.window || {},
    pageJson || {},
  );
}

export function layoutOf(app, page, win) {
  const tabList = (app.tabBar && app.tabBar.list) || [];
  const tabIndex = tabList.findIndex((t) => t.pagePath === page);
  const custom = win.navigationStyle === 'custom';
  const top = custom ? 0 : DEVICE.statusBar + DEVICE.navBar;
  const bottom = tabIndex >= 0 ? DEVICE.tabBar + DEVICE.homeIndicator : 0;
  return { tabIndex, custom, top, height: DEVICE.height - top - bottom };
}

/** The status bar clock (China time) of an instant; 9:00 when none is given. */
function clockText(ms) {
  if (ms === undefined) return '9:00';
  const d = new Date(ms + 8 * 3600 * 1000);
  return `${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

function statusBar(dark, time) {
  const c = dark ? '#000' : '#fff';
  return `<div class="status" style="color:${c}">
  <span class="time">${time}</span>
  <span class="icons">
    <svg width="18" height="12" viewBox="0 0 18 12"><g fill="${c}"><rect x="0" y="8" width="3" height="4" rx="1"/><rect x="5" y="6" width="3" height="6" rx="1"/><rect x="10" y="3" width="3" height="9" rx="1"/><rect x="15" y="0" width="3" height="12" rx="1"/></g></svg>
    <svg width="16" height="12" viewBox="0 0 16 12"><path fill="${c}" d="M8 2.5c2.3 0 4.4.9 6 2.4l1.1-1.2A10.3 10.3 0 0 0 8 .9C5.3.9 2.8 1.9.9 3.7L2 4.9a8.6 8.6 0 0 1 6-2.4zm0 3.3c1.4 0 2.7.5 3.7 1.4l1.1-1.2A7.2 7.2 0 0 0 8 4.2c-1.9 0-3.6.7-4.8 1.8l1.1 1.2c1-.9 2.3-1.4 3.7-1.4zm0 3.3c-.6 0-1.2.2-1.6.6L8 11.5l1.6-1.8c-.4-.4-1-.6-1.6-.6z"/></svg>
    <svg width="27" height="13" viewBox="0 0 27 13"><rect x=".5" y=".5" width="23" height="12" rx="3.5" fill="none" stroke="${c}" opacity=".4"/><rect x="2" y="2" width="20" height="9" rx="2" fill="${c}"/><path d="M25 4.5v4c.8-.3 1.3-1.1 1.3-2s-.5-1.7-1.3-2z" fill="${c}" opacity=".4"/></svg>
  </span>
</div>`;
}

function capsule(white) {
  const fg = white ? '#fff' : '#000';
  const bg = white ? 'rgba(0,0,0,.15)' : 'rgba(255,255,255,.6)';
  const line = white ? 'rgba(255,255,255,.25)' : 'rgba(0,0,0,.1)';
  return `<div class="capsule" style="background:${bg};border-color:${line}">
  <svg width="22" height="8" viewBox="0 0 22 8"><circle cx="3" cy="4" r="2.4" fill="${fg}"/><circle cx="11" cy="4" r="3.2" fill="${fg}"/><circle cx="19" cy="4" r="2.4" fill="${fg}"/></svg>
  <i style="background:${line}"></i>
  <svg width="18" height="18" viewBox="0 0 18 18"><circle cx="9" cy="9" r="7.4" fill="none" stroke="${fg}" stroke-width="1.6"/><circle cx="9" cy="9" r="2.8" fill="${fg}"/></svg>
</div>`;
}

function tabBar(app, tabIndex, assetUrl) {
  const tb = app.tabBar;
  const border = tb.borderStyle === 'white' ? 'rgba(255,255,255,.33)' : 'rgba(0,0,0,.33)';
  const items = tb.list
    .map((t, i) => {
      const on = i === tabIndex;
      const icon = on ? t.selectedIconPath || t.iconPath : t.iconPath;
      const img = icon && assetUrl(icon) ? `<img src="${esc(assetUrl(icon))}">` : '';
      return `<div class="tab"><div class="ticon">${img}</div><div class="ttext" style="color:${esc(on ? tb.selectedColor : tb.color)}">${esc(t.text || '')}</div></div>`;
    })
    .join('');
  return `<div class="tabbar" style="background:${esc(tb.backgroundColor || '#fff')};--border:${border}">${items}</div>`;
}

/** The outer page: frame + iframe pointing at webviewUrl. */
export function frameHtml({ app, win, layout, webviewUrl, assetUrl, clockMs }) {
  const time = clockText(clockMs);
  const white = win.navigationBarTextStyle !== 'black';
  const navBg = win.navigationBarBackgroundColor;
  const head = layout.custom
    ? ''
    : `<div class="top" style="background:${esc(navBg)}">${statusBar(!white, time)}<div class="nav" style="color:${white ? '#fff' : '#000'}"><span class="title" id="title">${esc(win.navigationBarTitleText)}</span>${capsule(white)}</div></div>`;
  const overlay = layout.custom ? `<div class="top overlay">${statusBar(true, time)}<div class="nav">${capsule(false)}</div></div>` : '';
  const tabs = layout.tabIndex >= 0 ? tabBar(app, layout.tabIndex, assetUrl) : '';
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=375, initial-scale=1, user-scalable=no"><style>
html,body{margin:0;width:375px;height:812px;overflow:hidden;background:${esc(win.backgroundColor)};font-family:-apple-system,'PingFang SC','Noto Sans CJK SC',sans-serif}
.top{position:absolute;left:0;top:0;width:375px;z-index:2}
.top.overlay{background:transparent}
.status{height:44px;display:flex;align-items:center;justify-content:space-between;padding:0 20px 0 32px;box-sizing:border-box;font-size:15px;font-weight:600}
.status .icons{display:flex;gap:5px;align-items:center}
.nav{height:44px;position:relative;display:flex;align-items:center;justify-content:center}
.title{font-size:17px;font-weight:500;max-width:190px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.capsule{position:absolute;right:7px;top:6px;width:87px;height:32px;box-sizing:border-box;border:.5px solid;border-radius:16px;display:flex;align-items:center;justify-content:space-around;padding:0 10px}
.capsule i{width:.5px;height:18px;display:block}
iframe{position:absolute;left:0;top:${layout.top}px;width:375px;height:${layout.height}px;border:0;display:block}
.tabbar{position:absolute;left:0;bottom:0;width:375px;height:${DEVICE.tabBar + DEVICE.homeIndicator}px;padding-bottom:${DEVICE.homeIndicator}px;box-sizing:border-box;display:flex}
.tabbar:before{content:'';position:absolute;left:0;top:0;right:0;height:1px;background:var(--border);transform:scaleY(.5);transform-origin:0 0}
.tab{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;padding-top:4px}
.ticon{width:24px;height:24px}.ticon img{width:24px;height:24px;display:block}
.ttext{font-size:10px;line-height:1.4;margin-top:2px}
.home{position:absolute;left:121px;bottom:8px;width:134px;height:5px;border-radius:3px;background:#000;z-index:3}
</style></head><body>${head}<iframe id="webview" src="${esc(webviewUrl)}"></iframe>${overlay}${tabs}<div class="home"></div></body></html>`;
}

/** The webview document: defaults, compiled styles, runtime and app bundle. */
export function webviewHtml({ manifestUrl, scripts, background, fontCss }) {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<link rel="stylesheet" href="/__preview__/builtins.css"><style>${fontCss}\nbody{background:${esc(background)}}</style>
</head><body><div id="page"></div>
<script src="${esc(manifestUrl)}"></script>
${scripts.map((s) => `<script src="${esc(s)}"></script>`).join('\n')}
</body></html>`;
}
