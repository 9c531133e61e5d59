import { POSTER_HEIGHT, POSTER_WIDTH, posterLayout } from './layout';
import type { DrawOp, PosterData } from './layout';

/** What the component uses of a 2d context (WeChat's and the browser's are the same API). */
interface Context2d {
  font: string;
  fillStyle: string;
  textAlign: string;
  textBaseline: string;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void;
  closePath(): void;
  fill(): void;
  measureText(text: string): { width: number };
  fillText(text: string, x: number, y: number): void;
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
}

/** What the component needs of a canvas 2d node (WeChat's Canvas, the browser's HTMLCanvasElement). */
interface CanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): Context2d;
  createImage(): { onload: (() => void) | null; onerror: ((e: unknown) => void) | null; src: string };
}

type PosterImage = ReturnType<CanvasNode['createImage']>;

const ALBUM_SCOPE = 'scope.writePhotosAlbum';
/** The canvas's width in rpx, as index.wxss sets it. */
const CANVAS_RPX = 560;

/** The code as a file when the platform can write one (data URLs do not load in every WeChat canvas). */
function codeFile(src: string): Promise<string> {
  const match = /^data:image\/(\w+);base64,(.*)$/.exec(src);
  if (!match || typeof wx.getFileSystemManager !== 'function') return Promise.resolve(src);
  // Named by its content: a file written for another post's code is never shown from the image cache.
  let hash = 5381;
  for (let i = 0; i < match[2].length; i++) hash = ((hash * 33) ^ match[2].charCodeAt(i)) >>> 0;
  const filePath = `${wx.env.USER_DATA_PATH}/poster-code-${hash.toString(36)}.${match[1]}`;
  return new Promise((resolve) => {
    try {
      wx.getFileSystemManager().writeFile({
        filePath,
        data: match[2],
        encoding: 'base64',
        success: () => resolve(filePath),
        fail: () => resolve(src),
      });
    } catch {
      resolve(src);
    }
  });
}

function loadImage(canvas: CanvasNode, src: string): Promise<PosterImage | null> {
  return new Promise((resolve) => {
    const image = canvas.createImage();
    image.onload = () => resolve(image);
    image.onerror = () => resolve(null);
    image.src = src;
  });
}

function rect(ctx: Context2d, op: Extract<DrawOp, { op: 'rect' }>): void {
  ctx.fillStyle = op.color;
  const r = op.radius ?? 0;
  ctx.beginPath();
  ctx.moveTo(op.x + r, op.y);
  ctx.arcTo(op.x + op.w, op.y, op.x + op.w, op.y + op.h, r);
  ctx.arcTo(op.x + op.w, op.y + op.h, op.x, op.y + op.h, r);
  ctx.arcTo(op.x, op.y + op.h, op.x, op.y, r);
  ctx.arcTo(op.x, op.y, op.x + op.w, op.y, r);
  ctx.closePath();
  ctx.fill();
}

/**
 * <poster show="{{ … }}" poster="{{ PosterData }}" bind:close>: the poster drawn on canvas 2d in a popup, with
 * 保存到相册 (asking again for the album permission when it was refused) and 分享 (WeChat's share-image menu).
 */
Component({
  properties: {
    show: { type: Boolean, value: false },
    poster: { type: Object, value: null },
  },
  data: {
    drawing: false,
    failed: false,
    saving: false,
  },
  observers: {
    'show, poster'(show: boolean, poster: PosterData | null) {
      // Both change in one setData; draw once for what is shown (again after closing and reopening).
      const key = show && poster ? JSON.stringify(poster) : '';
      const self = this as unknown as { shownKey?: string };
      if (key === self.shownKey) return;
      self.shownKey = key;
      if (show && poster) void this.draw(poster);
    },
  },
  methods: {
    canvas(): Promise<{ node: CanvasNode; width: number; height: number } | null> {
      return new Promise((resolve) => {
        wx.createSelectorQuery()
          .in(this)
          .select('#poster-canvas')
          .fields({ node: true, size: true }, () => undefined)
          .exec((res: ({ node?: CanvasNode; width: number; height: number } | null)[]) => {
            const found = res[0];
            resolve(found && found.node ? (found as { node: CanvasNode; width: number; height: number }) : null);
          });
      });
    },

    async draw(poster: PosterData) {
      this.setData({ drawing: true, failed: false });
      const target = await this.canvas();
      if (!target) {
        this.setData({ drawing: false, failed: true });
        return;
      }
      // The canvas is 560rpx wide (index.wxss); its measured size is 0 while the popup is still opening.
      const { node } = target;
      const info = wx.getWindowInfo();
      const ratio = info.pixelRatio || 2;
      const width = (info.windowWidth * CANVAS_RPX) / 750;
      node.width = Math.round(width * ratio);
      node.height = Math.round(((width * POSTER_HEIGHT) / POSTER_WIDTH) * ratio);
      const ctx = node.getContext('2d');
      const scale = node.width / POSTER_WIDTH;
      ctx.setTransform(scale, 0, 0, scale, 0, 0);
      const measure = (text: string, font: string) => {
        ctx.font = font;
        return ctx.measureText(text).width;
      };
      const data = { ...poster, code: poster.code ? await codeFile(poster.code) : '' };
      const { ops } = posterLayout(data, measure);
      const images = new Map<string, PosterImage | null>();
      for (const op of ops)
        if (op.op === 'image' && !images.has(op.src)) images.set(op.src, await loadImage(node, op.src));
      ctx.textBaseline = 'top';
      for (const op of ops) {
        if (op.op === 'rect') rect(ctx, op);
        else if (op.op === 'text') {
          ctx.font = op.font;
          ctx.fillStyle = op.color;
          ctx.textAlign = op.align ?? 'left';
          ctx.fillText(op.text, op.x, op.y);
        } else {
          const image = images.get(op.src);
          if (image) ctx.drawImage(image, op.x, op.y, op.w, op.h);
        }
      }
      this.setData({ drawing: false });
    },

    async imageFile(): Promise<string> {
      const target = await this.canvas();
      if (!target) return '';
      return new Promise((resolve) => {
        wx.canvasToTempFilePath({
          canvas: target.node as unknown as WechatMiniprogram.Canvas,
          fileType: 'png',
          success: (res) => resolve(res.tempFilePath),
          fail: () => resolve(''),
        });
      });
    },

    async onSave() {
      if (this.data.saving) return;
      this.setData({ saving: true });
      const filePath = await this.imageFile();
      if (!filePath) {
        this.setData({ saving: false });
        wx.showToast({ title: '海报还没画好，请稍后再试', icon: 'none' });
        return;
      }
      wx.saveImageToPhotosAlbum({
        filePath,
        success: () => wx.showToast({ title: '已保存到相册', icon: 'success' }),
        fail: (err) => {
          if (/cancel/.test(err.errMsg)) return;
          if (/auth|deny|denied|permission/i.test(err.errMsg)) this.askAlbum();
          else wx.showToast({ title: '保存失败，请重试', icon: 'none' });
        },
        complete: () => this.setData({ saving: false }),
      });
    },

    /** The album was refused: say why it is needed, and open the settings to allow it again. */
    askAlbum() {
      wx.showModal({
        title: '需要相册权限',
        content: '保存海报需要允许「保存到相册」。请在设置中打开后，再点保存。',
        confirmText: '去设置',
        success: (res) => {
          if (!res.confirm) return;
          wx.openSetting({
            success: (setting) => {
              if (setting.authSetting[ALBUM_SCOPE]) void this.onSave();
            },
          });
        },
      });
    },

    async onShare() {
      if (typeof wx.showShareImageMenu !== 'function') {
        wx.showToast({ title: '请先保存到相册，再从相册分享', icon: 'none' });
        return;
      }
      const path = await this.imageFile();
      if (!path) {
        wx.showToast({ title: '海报还没画好，请稍后再试', icon: 'none' });
        return;
      }
      wx.showShareImageMenu({ path });
    },

    onClose() {
      this.triggerEvent('close');
    },
  },
});
