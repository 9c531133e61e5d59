/**
 * Taps everything on a rendered page, as a curious user would, and records where the page sends them.
 * Every element of the page (and of the components on it) that listens to a tap or a click gets one (a click is
 * what Vant emits to the page). Elements that appear after a tap (a tab's list) are tapped next, before the rest;
 * an element re-rendered in the same place with the same text is not tapped again, and a list gets its first rows.
 */
import exparser from 'miniprogram-exparser';
import { settle, wxCalls, type RenderedPage } from '../../helpers/page';

interface Node {
  is?: string;
  childNodes?: Node[];
  shadowRoot?: Node;
  $$?: unknown;
  id?: string;
  parentNode?: Node;
  /** The component a shadow root belongs to. */
  __wxHost?: Node;
  /** exparser's listeners by event name (bind:tap, catchtap, bind:click …). */
  __wxEvents?: Record<string, unknown>;
  /** j-component's template node: its kind (a wx:for list is 20), tag and attributes. */
  _vt?: { type?: number; tagName?: string; attrs?: { name: string; value: unknown }[] };
}

const FOR_LIST = 20;

const NAVIGATION = new Set(['navigateTo', 'redirectTo', 'switchTab', 'reLaunch']);
const MAX_TAPS = 600;

/** The url of a native `<navigator>` (it opens the url itself, with no handler to run). */
function linkOf(node: Node): string | null {
  if (node._vt?.tagName?.replace(/^wx-/, '') !== 'navigator') return null;
  const url = node._vt.attrs?.find((a) => a.name === 'url')?.value;
  return typeof url === 'string' && url ? url : null;
}

/** Rows of a list tapped: the rest repeat the same handler on the same kind of item. */
const ROWS = 2;

/** Every element under `node`, components' own trees included, in document order; a list's first rows only. */
function elements(node: Node, into: Node[] = []): Node[] {
  const children = node._vt?.type === FOR_LIST ? (node.childNodes ?? []).slice(0, ROWS) : (node.childNodes ?? []);
  for (const child of children) {
    if (child.__wxEvents?.tap || child.__wxEvents?.click || linkOf(child)) into.push(child);
    elements(child, into);
    if (child.shadowRoot) elements(child.shadowRoot, into);
  }
  return into;
}

/** What a tapped element is, for a report: the id of it or of the nearest element (or component) around it. */
function nameOf(node: Node): string {
  for (let at: Node | undefined = node; at; at = at.parentNode ?? at.__wxHost) if (at.id) return `#${at.id}`;
  return node._vt?.tagName ?? '?';
}

/**
 * An element by where it sits (tags, ids and places up to the page) and what it shows: a button that re-renders
 * its content while loading is the same button, not a new one to tap again.
 */
function signature(node: Node): string {
  const parts: string[] = [];
  for (let at: Node | undefined = node; at; at = at.parentNode ?? at.__wxHost) {
    const place = at.parentNode?.childNodes?.indexOf(at) ?? -1;
    parts.push(`${at._vt?.tagName ?? at.is ?? ''}${at.id ? `#${at.id}` : ''}:${place}`);
  }
  const text = (node.$$ as { textContent?: string } | undefined)?.textContent ?? '';
  return `${parts.join('<')} ${text}`;
}

function fire(node: Node, name: string): void {
  if (!node.__wxEvents?.[name]) return;
  const event = exparser.Event.create(name, {}, { bubbles: true, composed: true, capturePhase: true });
  exparser.Event.dispatchEvent(node, event);
}

export interface Explored {
  /** The urls the page navigated to, in order, without repeats. */
  urls: string[];
  /** Each error a tap raised (a handler that threw), with the element tapped. */
  errors: string[];
}

/** Taps every element until nothing new appears. */
export async function tapEverything(page: RenderedPage, quiet: () => Promise<void>): Promise<Explored> {
  const root = (page as unknown as { _exparserNode: Node })._exparserNode.shadowRoot as Node;
  const tapped = new Set<string>();
  const seen = new WeakSet<Node>(elements(root));
  const from = wxCalls.length;
  const errors: string[] = [];
  let tapping = '';
  // exparser catches what a handler throws and logs it: the tap did nothing a user wanted.
  const log = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(`${tapping}: ${String(args[0]).split('\n')[0]}`);
  });
  try {
    for (let taps = 0; ; taps += 1) {
      const now = elements(root);
      const fresh = now.filter((n) => !tapped.has(signature(n)));
      const next = fresh.find((n) => !seen.has(n)) ?? fresh[0];
      for (const n of now) seen.add(n);
      if (!next) break;
      if (taps === MAX_TAPS) {
        errors.push(`stopped after ${MAX_TAPS} taps: tapping keeps making new elements, the rest is not walked`);
        break;
      }
      tapped.add(signature(next));
      tapping = nameOf(next);
      const url = linkOf(next);
      if (url) wxCalls.push({ api: 'navigateTo', args: { url } }); // a native navigator opens its url
      fire(next, 'tap');
      fire(next, 'click');
      await settle();
      await quiet();
    }
  } finally {
    log.mockRestore();
  }
  const urls = wxCalls
    .slice(from)
    .filter((c) => NAVIGATION.has(c.api))
    .map((c) => (c.args as { url: string }).url);
  return { urls: [...new Set(urls)], errors: [...new Set(errors)] };
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
