// Runs a flow (scripts/preview/flows.mjs) frame by frame: taps and fills like a user, follows the navigation the
// app really did, and shoots preview/flows/<flow>/<NN>-<page>.png. Throws FlowError when a tap target is missing
// or a tap that should navigate does not.
/* global window, document, fetch, URLSearchParams */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const NAVIGATIONS = ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack'];

export class FlowError extends Error {}

/** `/pages/post/index?postId=p1` → { page: 'pages/post/index', query: { postId: 'p1' } }. */
export function parseUrl(url) {
  const [path, search = ''] = String(url).split('?');
  return { page: path.replace(/^\/+/, ''), query: Object.fromEntries(new URLSearchParams(search)) };
}

/** Replaces `{name}` query values with the seed's refs. */
const withRefs = (query, refs) =>
  Object.fromEntries(Object.entries(query || {}).map(([k, v]) => [k, String(v).replace(/\{(\w+)\}/g, (m, n) => refs[n] ?? m)]));

const frameFile = (index, page) => `${String(index + 1).padStart(2, '0')}-${page.replace(/\/index$/, '').replace(/\//g, '_')}.png`;

/** The page stack as WeChat keeps it, so navigateBack returns to the page before. */
function navigate(stack, entry) {
  const { kind, detail } = entry;
  if (kind === 'navigateBack') {
    const delta = Number(detail) || 1;
    stack.splice(Math.max(1, stack.length - delta));
  } else if (kind === 'navigateTo') stack.push(parseUrl(detail));
  else if (kind === 'redirectTo') stack[stack.length - 1] = parseUrl(detail);
  else stack.splice(0, stack.length, parseUrl(detail));
  return stack[stack.length - 1];
}

/**
 * @param {{ renderer: object, cloud: { url: string, refs: object }, name: string, flow: object, outDir: string }} opts
 * @returns {Promise<{ name: string, title: string, frames: { file: string, page: string, caption: string }[] }>}
 */
export async function runFlow({ renderer, cloud, name, flow, outDir }) {
  const frames = [];
  const stack = [];
  let handle = null;
  let clock = null;
  let identity = flow.identity;
  const call = async (fn, data, as) => {
    const res = await fetch(`${cloud.url}/v1/functions/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': as },
      body: JSON.stringify(data),
    });
    const body = await res.json();
    if (!body.ok) throw new FlowError(`${name}: ${fn}.${data.action} as ${as} failed: ${JSON.stringify(body)}`);
    return body.data.profile ?? body.data;
  };
  const open = async (target) => {
    if (handle) await handle.close();
    handle = null;
    handle = await renderer.open(target.page, { name, identity, query: target.query, confirm: flow.confirm, network: 'ok', image: flow.image && join(repoRoot, flow.image) }, cloud.url);
  };
  const pageText = async () => (handle ? (await handle.frame.evaluate(() => document.getElementById('page').innerText)).replace(/\s+/g, ' ').trim() : '');
  const fail = async (index, step, why) => {
    const where = stack.length ? stack[stack.length - 1].page : '(no page)';
    const log = handle ? await handle.frame.evaluate(() => window.__preview.log.slice(-6)) : [];
    throw new FlowError(
      `flow ${name}, step ${index + 1} 「${step.caption}」 on ${where}: ${why}\n  the page shows: ${(await pageText()).slice(0, 400)}` +
        `\n  the page's last wx calls: ${JSON.stringify(log)}`,
    );
  };
  try {
    for (const [index, step] of flow.steps.entries()) {
      if (step.as && !step.start && !step.link) await fail(index, step, 'a step that changes who acts opens a page (`start`)');
      if (step.as) {
        identity = step.as;
        // By the time someone else looks, the platform has delivered its media-check verdicts (an uploaded photo).
        await fetch(`${cloud.url}/v1/security/media/settle`, { method: 'POST' });
      }
      if (step.advance) {
        const res = await fetch(`${cloud.url}/v1/clock`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ advanceMs: step.advance }),
        });
        clock = (await res.json()).now;
        await renderer.setClock(clock);
      }
      const ctx = { call, refs: cloud.refs, query: stack.length ? stack[stack.length - 1].query : {} };
      for (const other of step.others ? await step.others(ctx) : []) await call(other.name, other.data, other.openid);
      if (step.link) {
        stack.splice(0, stack.length, parseUrl(await step.link(ctx)));
        await open(stack[0]);
      } else if (step.start) {
        stack.splice(0, stack.length, { page: step.start, query: withRefs(step.query, cloud.refs) });
        await open(stack[0]);
      } else if (handle && (step.advance || step.others) && !step.do) {
        await open(stack[stack.length - 1]); // the user stayed on this page while time passed or others acted
      } else if (!handle) {
        await fail(index, step, 'a flow starts from a page (`start` or `link`)');
      }
      const logged = await handle.frame.evaluate(() => window.__preview.log.length);
      for (const action of step.do || []) {
        if (action.tap) {
          await toastGone(handle);
          const target = handle.frame.locator(action.tap).first();
          if (!(await target.count())) await fail(index, step, `nothing to tap: ${action.tap}`);
          await uncover(target);
          // force: a Vant button's own element is the touch target, not the words matched inside it
          await target.tap({ timeout: 5000, force: true }).catch((err) => fail(index, step, `cannot tap ${action.tap}: ${err.message.split('\n')[0]}`));
          await handle.tab.waitForTimeout(50);
        } else {
          const value = typeof action.value === 'function' ? await action.value(ctx) : action.value;
          const done = await handle.frame.evaluate(([s, e, v]) => window.__preview.emit(s, e, v), [action.fill, action.event || 'change', value]);
          if (!done) await fail(index, step, `nothing to fill: ${action.fill}`);
        }
        await handle.settle();
        await transitionsDone(handle);
      }
      if (step.to) {
        const nav = await waitForNavigation(handle, logged);
        if (!nav) await fail(index, step, `the tap navigated nowhere (expected ${step.to})`);
        const target = navigate(stack, nav);
        if (target.page !== step.to) await fail(index, step, `the tap opened ${target.page}, not ${step.to}`);
        await open(target);
      }
      const page = stack[stack.length - 1].page;
      const file = join(outDir, frameFile(index, page));
      const report = await renderer.shoot(handle, file);
      if (report.errors.length) await fail(index, step, report.errors.join('\n'));
      frames.push({ file, page, caption: step.caption });
    }
  } finally {
    if (handle) await handle.close();
  }
  return { name, title: flow.title, frames, clock };
}

/** The last navigation the page logged after `since` entries, waiting up to 2 s (some pages navigate after a toast). */
async function waitForNavigation(handle, since) {
  for (let waited = 0; waited <= 2000; waited += 100) {
    const log = await handle.frame.evaluate((n) => window.__preview.log.slice(n), since);
    const nav = log.filter((e) => NAVIGATIONS.includes(e.kind)).pop();
    if (nav) return nav;
    await handle.tab.waitForTimeout(100);
  }
  return null;
}

/**
 * A user scrolls what they tap out from under a fixed footer: when something else covers the target's centre,
 * it is scrolled to the middle of the screen.
 */
async function uncover(target) {
  await target.scrollIntoViewIfNeeded({ timeout: 5000 }).catch(() => undefined);
  await target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = el.ownerDocument.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (hit && hit !== el && !el.contains(hit) && !hit.contains(el)) el.scrollIntoView({ block: 'center' });
  });
}

/** Waits until no Vant popup or overlay is still leaving (its overlay would take the next tap). */
async function transitionsDone(handle) {
  await handle.frame.waitForFunction(
    () =>
      ![...document.querySelectorAll('[class*="-leave-active"]')].some(
        (el) => window.getComputedStyle(el).display !== 'none',
      ),
    null,
    { timeout: 3000, polling: 50 },
  );
}

/** Waits until a toast has gone, as a user does before the next tap (a toast over a button takes the tap). */
async function toastGone(handle) {
  await handle.frame.waitForFunction(
    () => ![...document.querySelectorAll('[class*="van-toast"]')].some((el) => el.getClientRects().length > 0),
    null,
    { timeout: 5000, polling: 100 },
  );
}
