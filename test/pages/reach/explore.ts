/**
 * Taps everything on a rendered page, as a curious user would, and records where the page sends them.
 * Every element of the page (and of the components on it) that listens to a tap or a click gets one (a click is
 * what Vant emits to the page). Elements that appear after a tap (a tab's list) are tapped next, before the rest.
 */
import exparser from 'miniprogram-exparser';
import { settle, wxCalls, type RenderedPage } from '../../helpers/page';

interface Node {
  is?: string;
  childNodes?: Node[];
  shadowRoot?: Node;
  $$?: unknown;
  /** exparser's listeners by event name (bind:tap, catchtap, bind:click …). */
  __wxEvents?: Record<string, unknown>;
  getAttribute?(name: string): string | null;
}

const NAVIGATION = new Set(['navigateTo', 'redirectTo', 'switchTab', 'reLaunch']);
const MAX_TAPS = 600;

/** The url of a native `<navigator>` (it opens the url itself, with no handler to run). */
function linkOf(node: Node): string | null {
  const dom = node.$$ as { tagName?: string; getAttribute?(name: string): string | null } | undefined;
  const tag = `${node.is ?? ''} ${dom?.tagName ?? ''}`.toLowerCase();
  if (node.shadowRoot || !tag.includes('navigator')) return null;
  return node.getAttribute?.('url') ?? dom?.getAttribute?.('url') ?? (node as { url?: string }).url ?? null;
}

/** Every element under `node`, components' own trees included, in document order. */
function elements(node: Node, into: Node[] = []): Node[] {
  for (const child of node.childNodes ?? []) {
    if (child.__wxEvents?.tap || child.__wxEvents?.click || linkOf(child)) into.push(child);
    elements(child, into);
    if (child.shadowRoot) elements(child.shadowRoot, into);
  }
  return into;
}

function fire(node: Node, name: string): void {
  if (!node.__wxEvents?.[name]) return;
  const event = exparser.Event.create(name, {}, { bubbles: true, composed: true, capturePhase: true });
  try {
    exparser.Event.dispatchEvent(node, event);
  } catch {
    // Vant's own handlers call APIs the simulator lacks (groupSetData); the page's handler has run by then.
  }
}

/** Taps every element until nothing new appears; the urls the page navigated to, in order, without repeats. */
export async function tapEverything(page: RenderedPage, quiet: () => Promise<void>): Promise<string[]> {
  const root = (page as unknown as { _exparserNode: Node })._exparserNode.shadowRoot as Node;
  const tapped = new WeakSet<Node>();
  const seen = new WeakSet<Node>(elements(root));
  const from = wxCalls.length;
  for (let taps = 0; taps < MAX_TAPS; taps += 1) {
    const now = elements(root);
    const fresh = now.filter((n) => !tapped.has(n));
    const next = fresh.find((n) => !seen.has(n)) ?? fresh[0];
    for (const n of now) seen.add(n);
    if (!next) break;
    tapped.add(next);
    const url = linkOf(next);
    if (url) wxCalls.push({ api: 'navigateTo', args: { url } }); // a native navigator opens its url
    fire(next, 'tap');
    fire(next, 'click');
    await settle();
    await quiet();
  }
  const urls = wxCalls
    .slice(from)
    .filter((c) => NAVIGATION.has(c.api))
    .map((c) => (c.args as { url: string }).url);
  return [...new Set(urls)];
}

/** Platform dialogs and device features answered as "cancelled", so no tap goes further than a user who says no. */
export function declineEverything(): void {
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  const cancel = (opts: { success?: (r: object) => void; fail?: (e: object) => void } = {}) => {
    opts.success?.({ confirm: false, cancel: true, tapIndex: -1 });
    return Promise.resolve({ confirm: false, cancel: true });
  };
  const fail = (opts: { fail?: (e: object) => void } = {}) => {
    opts.fail?.({ errMsg: 'cancel' });
    return new Promise(() => undefined); // a promise caller waits on a user who never answers
  };
  wx.showModal = cancel;
  // The simulator's components lack groupSetData, which Vant's tabs call; run the update directly instead.
  const g = globalThis as unknown as { Component: (definition: { methods?: object }) => void };
  const component = g.Component;
  g.Component = (definition) =>
    component({ ...definition, methods: { groupSetData: (update: () => void) => update(), ...definition.methods } });
  wx.showActionSheet = fail;
  for (const api of [
    'scanCode',
    'makePhoneCall',
    'setClipboardData',
    'shareFileMessage',
    'requestSubscribeMessage',
    'chooseLocation',
    'getLocation',
    'previewImage',
    'openDocument',
    'saveImageToPhotosAlbum',
    'downloadFile',
    'setKeepScreenOn',
  ])
    wx[api] = fail;
}
