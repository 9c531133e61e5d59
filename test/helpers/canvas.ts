/**
 * Canvas 2d in the page simulator, which has none: `fields({ node: true })` answers with a canvas that records
 * what is drawn on it (text with its font and colour, images with their source), measuring every CJK character
 * as wide as the font size and Latin half of it. Also the file system, `wx.canvasToTempFilePath`,
 * `wx.saveImageToPhotosAlbum` (granted or refused, as `albumAnswers` says), `wx.showModal`, `wx.openSetting`
 * and `wx.showShareImageMenu`, recorded in `wxCalls`.
 *
 *   installCanvas();                     // once per test file, after loadPage
 *   drawn.texts.map((t) => t.text)       // what the last drawn poster says
 */
import { wxCalls } from './page';

export interface DrawnText {
  text: string;
  x: number;
  y: number;
  font: string;
  color: string;
}

/** What the canvases drew since the last `resetDrawn()`. */
export const drawn = { texts: [] as DrawnText[], images: [] as string[] };
/** What the album answers, one per `wx.saveImageToPhotosAlbum` (default: saved); what 设置 returns. */
export const albumAnswers: ('ok' | 'denied')[] = [];
export const settings = { writePhotosAlbum: true, modalConfirm: true };

export function resetDrawn(): void {
  drawn.texts = [];
  drawn.images = [];
}

const sizeOf = (font: string) => Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 10);

function recordingContext() {
  const state = { font: '10px sans-serif', fillStyle: '#000', textAlign: 'left', textBaseline: 'alphabetic' };
  const noop = () => undefined;
  return Object.assign(state, {
    setTransform: noop,
    scale: noop,
    beginPath: noop,
    moveTo: noop,
    arcTo: noop,
    closePath: noop,
    fill: noop,
    fillRect: noop,
    measureText: (text: string) => ({
      width: Array.from(text).reduce((w, ch) => w + (ch.charCodeAt(0) < 128 ? 0.5 : 1) * sizeOf(state.font), 0),
    }),
    fillText: (text: string, x: number, y: number) =>
      drawn.texts.push({ text, x, y, font: state.font, color: String(state.fillStyle) }),
    drawImage: (image: { src: string }) => drawn.images.push(image.src),
  });
}

function recordingCanvas() {
  const context = recordingContext();
  return {
    width: 300,
    height: 150,
    getContext: () => context,
    createImage() {
      const image = {
        onload: null as null | (() => void),
        onerror: null as null | (() => void),
        src: '',
      };
      return new Proxy(image, {
        set(target, key, value) {
          (target as Record<string | symbol, unknown>)[key] = value;
          if (key === 'src') setTimeout(() => (value ? target.onload?.() : target.onerror?.()), 0);
          return true;
        },
      });
    },
  };
}

type Callbacks = { success?: (res: unknown) => void; fail?: (res: unknown) => void; complete?: (res: unknown) => void };

function answer(api: string, options: Callbacks & Record<string, unknown>, res: unknown, ok = true): void {
  wxCalls.push({ api, args: options });
  setTimeout(() => {
    if (ok) options.success?.(res);
    else options.fail?.(res);
    options.complete?.(res);
  }, 0);
}

export function installCanvas(): void {
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  const original = wx.createSelectorQuery as () => Record<string, (...args: unknown[]) => unknown>;
  wx.createSelectorQuery = () => {
    const query = original();
    const pending: unknown[] = [];
    const wrapped = {
      in: (component: unknown) => (query.in(component), wrapped),
      select: (selector: string) => {
        const ref = query.select(selector) as Record<string, (...args: unknown[]) => unknown>;
        return {
          fields: (fields: { node?: boolean }, callback?: (res: unknown) => void) => {
            if (!fields.node) return (ref.fields(fields, callback), wrapped);
            const canvas = recordingCanvas();
            pending.push({ node: canvas, width: 280, height: 448 });
            return wrapped;
          },
        };
      },
      exec: (callback: (res: unknown[]) => void) => {
        const res = pending.splice(0);
        setTimeout(() => callback(res), 0);
      },
    };
    return wrapped;
  };
  wx.getFileSystemManager = () => ({
    writeFile: (o: Callbacks & { filePath: string }) => answer('writeFile', o, { errMsg: 'writeFile:ok' }),
  });
  wx.canvasToTempFilePath = (o: Callbacks) =>
    answer('canvasToTempFilePath', o, { tempFilePath: 'wxfile://tmp/poster.png' });
  wx.saveImageToPhotosAlbum = (o: Callbacks) => {
    const denied = albumAnswers.shift() === 'denied';
    answer(
      'saveImageToPhotosAlbum',
      o,
      { errMsg: denied ? 'saveImageToPhotosAlbum:fail auth deny' : 'saveImageToPhotosAlbum:ok' },
      !denied,
    );
  };
  wx.showModal = (o: Callbacks) => answer('showModal', o, { confirm: settings.modalConfirm });
  wx.openSetting = (o: Callbacks) =>
    answer('openSetting', o, { authSetting: { 'scope.writePhotosAlbum': settings.writePhotosAlbum } });
  wx.showShareImageMenu = (o: Callbacks) => answer('showShareImageMenu', o, {});
}
