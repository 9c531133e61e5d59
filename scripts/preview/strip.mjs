// One PNG per flow: its frames side by side, numbered, each captioned with what the user did.
/* global document */
import { readFileSync } from 'node:fs';

const FRAME_WIDTH = 250;
const FRAME_HEIGHT = Math.round((FRAME_WIDTH * 812) / 375);
const GAP = 20;

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

export function stripHtml(result) {
  const figures = result.frames
    .map((f, i) => {
      const src = `data:image/png;base64,${readFileSync(f.file).toString('base64')}`;
      return `<figure><img src="${src}"><figcaption><b>${i + 1}</b><span>${esc(f.caption)}</span></figcaption></figure>`;
    })
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><style>
html,body{margin:0;background:#f2f3f5;font-family:'PingFang SC','Noto Sans CJK SC',sans-serif;color:#323233}
h1{font-size:22px;font-weight:600;margin:0;padding:20px ${GAP}px 4px}
main{display:flex;gap:${GAP}px;padding:${GAP}px ${GAP}px 28px;align-items:flex-start}
figure{margin:0;width:${FRAME_WIDTH}px;flex:none}
img{width:${FRAME_WIDTH}px;height:${FRAME_HEIGHT}px;display:block;border-radius:12px;box-shadow:0 2px 8px rgba(0,0,0,.12)}
figcaption{display:flex;gap:8px;align-items:flex-start;margin-top:12px;font-size:15px;line-height:1.45}
figcaption b{flex:none;width:24px;height:24px;border-radius:12px;background:#d7402f;color:#fff;font-size:14px;line-height:24px;text-align:center}
</style></head><body><h1>${esc(result.title)}</h1><main>${figures}</main></body></html>`;
}

/** Renders the strip in a new tab of the preview browser and writes it to outFile. */
export async function writeStrip(context, result, outFile) {
  const tab = await context.newPage();
  try {
    const width = result.frames.length * (FRAME_WIDTH + GAP) + GAP;
    await tab.setViewportSize({ width, height: 200 }); // the full-page shot grows to the content
    await tab.setContent(stripHtml(result), { waitUntil: 'load' });
    await tab.evaluate(() => document.fonts.ready);
    await tab.screenshot({ path: outFile, fullPage: true, animations: 'disabled', caret: 'hide', scale: 'device' });
  } finally {
    await tab.close();
  }
}
