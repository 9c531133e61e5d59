// Headless Chromium (Debian's /usr/bin/chromium via playwright-core): one browser, one page per shot.
/* global fetch */
// Everything the webview loads is served from memory or the staged mini program; the local cloud is reached
// through http://cloud.preview/*, which each scenario can answer normally, with INTERNAL, refuse, or leave hanging.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ORIGIN = 'http://mp.preview';
export const CLOUD_ORIGIN = 'http://cloud.preview';

/** What wx.chooseMedia picks in previews (runtime/wx.js): the same small PNG the page tests choose. */
const CHOSEN_IMAGE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'certificate.png');

const TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml', '.gif': 'image/gif', '.webp': 'image/webp' };

const EMPTY_IMAGE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160">' +
  '<ellipse cx="80" cy="138" rx="46" ry="6" fill="#ebedf0"/><circle cx="80" cy="72" r="48" fill="#f2f3f5"/>' +
  '<rect x="58" y="56" width="44" height="34" rx="6" fill="#dcdee0"/><circle cx="80" cy="73" r="7" fill="#f2f3f5"/></svg>';

export async function launch({ now }) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y $(cat .ci/apt-packages.txt)`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'preview-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--font-render-hinting=none', '--disable-lcd-text',
      '--force-color-profile=srgb', '--hide-scrollbars',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    screen: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50 miniProgram',
  });
  await context.clock.setFixedTime(new Date(now));
  // A seeded Math.random in every frame, so what the phone makes at random (a form's requestId) repeats run to run.
  await context.addInitScript(() => {
    let state = 0x9e3779b9;
    Math.random = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  });
  return {
    context,
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Routes for one shot's page.
 * @param {import('playwright-core').Page} page
 * @param {{ files: Map<string, {body: string|Buffer, type: string}>, stageRoot: string, cloudUrl: string|null, network: 'ok'|'internal'|'offline'|'hang', iconFont: Buffer, image?: string }} opts
 *   image: the file wx.chooseMedia picks (default the page tests' small PNG)
 */
export async function installRoutes(page, { files, stageRoot, cloudUrl, network, iconFont, image = CHOSEN_IMAGE }) {
  const hanging = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === ORIGIN && url.pathname.startsWith('/__tmp/')) {
      return route.fulfill({ status: 200, contentType: 'image/png', body: readFileSync(image) });
    }
    if (cloudUrl && url.origin === new URL(cloudUrl).origin && url.pathname.startsWith('/cos/')) {
      // A temporary URL of the local cloud's storage (a certificate photo): fetched from it, as the phone would.
      try {
        const res = await fetch(url.href);
        const body = Buffer.from(await res.arrayBuffer());
        return route.fulfill({ status: res.status, contentType: res.headers.get('content-type') || 'image/png', body });
      } catch {
        return route.abort('connectionrefused');
      }
    }
    if (url.origin === ORIGIN) {
      const mem = files.get(url.pathname);
      if (mem) return route.fulfill({ status: 200, contentType: mem.type, body: mem.body });
      const file = normalize(join(stageRoot, decodeURIComponent(url.pathname)));
      if (file.startsWith(stageRoot) && existsSync(file) && extname(file)) {
        return route.fulfill({ status: 200, contentType: TYPES[extname(file).toLowerCase()] || 'application/octet-stream', body: readFileSync(file) });
      }
      return route.fulfill({ status: 404, body: '' });
    }
    if (url.origin === CLOUD_ORIGIN) {
      if (network === 'hang') return void hanging.push(route);
      if (network === 'offline' || !cloudUrl) return route.abort('connectionrefused');
      if (network === 'internal') {
        return route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试', requestId: 'preview' }),
        });
      }
      const req = route.request();
      try {
        // This proxy is the caller: the page's Origin would be refused by the local cloud as a cross-site call.
        const { origin: _origin, ...headers } = req.headers();
        const res = await fetch(cloudUrl + url.pathname + url.search, {
          method: req.method(),
          headers,
          body: req.method() === 'GET' ? undefined : req.postDataBuffer() || undefined,
        });
        return route.fulfill({ status: res.status, contentType: res.headers.get('content-type') || 'application/json', body: Buffer.from(await res.arrayBuffer()) });
      } catch {
        return route.abort('connectionrefused');
      }
    }
    if (url.hostname === 'at.alicdn.com' && /\.woff2?$/.test(url.pathname)) {
      // Vant's icon font (CDN, unreachable offline) → the same font from npm @vant/icons
      return route.fulfill({ status: 200, contentType: 'font/woff2', body: iconFont });
    }
    if (url.hostname === 'img.yzcdn.cn' && url.pathname.startsWith('/vant/empty-image-')) {
      // Vant's empty-state illustrations live on a CDN: draw a neutral stand-in so the layout stays visible
      return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: EMPTY_IMAGE });
    }
    return route.abort('internetdisconnected');
  });
  return hanging;
}

/** The Vant icon font bytes from @vant/icons (base64 inside encode-woff2.less). */
export function vantIconFont(repoRoot) {
  const less = readFileSync(join(repoRoot, 'node_modules', '@vant', 'icons', 'src', 'encode-woff2.less'), 'utf8');
  const m = /data:font\/woff2;charset=utf-8;base64,([A-Za-z0-9+/=]+)/.exec(less);
  if (!m) throw new Error('no woff2 in @vant/icons/src/encode-woff2.less');
  return Buffer.from(m[1], 'base64');
}
