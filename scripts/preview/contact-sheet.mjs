// preview/index.html: every PNG in a grid, captioned with page, scenario and any problems.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** One storyboard: the flow's strip, and any problem that stopped it. */
function stripCard(s) {
  const problems = s.problems.length ? `<ul class="bad">${s.problems.map((p) => `<li>${esc(p.split('\n')[0])}</li>`).join('')}</ul>` : '';
  const image = s.frames.length && !s.problems.length ? `<a href="${esc(s.file)}"><img src="${esc(s.file)}" loading="lazy"></a>` : '';
  return `<figure class="strip"><figcaption><b>${esc(s.title)}</b> <small>(${esc(s.name)} · ${s.frames.length} 步)</small>${problems}</figcaption>${image}</figure>`;
}

/** Entries of an earlier run into the same directory, replaced by name by this run's (a page run keeps the strips). */
function merged(outDir, shots, strips) {
  const file = join(outDir, 'sheet.json');
  const before = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { shots: [], strips: [] };
  const byName = (old, now) => [...old.filter((o) => !now.some((n) => n.name === o.name)), ...now];
  const sheet = {
    shots: byName(before.shots, shots.map(({ log: _log, ...rest }) => rest)),
    strips: byName(before.strips, strips),
  };
  writeFileSync(file, JSON.stringify(sheet, null, 2));
  return sheet;
}

export function writeContactSheet(outDir, newShots, { title, now, strips: newStrips = [] }) {
  const { shots, strips } = merged(outDir, newShots, newStrips);
  const cards = shots
    .map((s) => {
      const problems = s.problems.length ? `<ul class="bad">${s.problems.map((p) => `<li>${esc(p.split('\n')[0])}</li>`).join('')}</ul>` : '';
      return `<figure><a href="${esc(s.name)}"><img src="${esc(s.name)}" loading="lazy" width="375" height="812"></a><figcaption><b>${esc(s.page)}</b> · ${esc(s.scenario)} <small>(${esc(s.identity)})</small>${problems}</figcaption></figure>`;
    })
    .join('\n');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:24px;background:#eee}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:24px}
figure{margin:0;background:#fff;padding:10px;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
img{width:100%;height:auto;display:block;border:1px solid #ddd}
section{margin-bottom:32px}.strip{margin-bottom:16px;overflow-x:auto}.strip img{width:auto;max-width:none;height:480px;border:0}
figcaption{font-size:13px;margin-top:8px;word-break:break-all}.bad{color:#c00;margin:4px 0 0;padding-left:16px}
</style></head><body><h1>${esc(title)}</h1><p>${shots.length} previews · ${strips.length} storyboards · clock ${esc(now)} · <code>npm run preview</code></p>
${strips.length ? `<section><h2>Storyboards · <code>npm run preview -- --flows</code></h2>${strips.map(stripCard).join('\n')}</section>` : ''}<main>
${cards}
</main></body></html>`;
  writeFileSync(join(outDir, 'index.html'), html);
}
