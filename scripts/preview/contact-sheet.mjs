// preview/index.html: every PNG in a grid, captioned with page, scenario and any problems.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

export function writeContactSheet(outDir, shots, { title, now }) {
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
figcaption{font-size:13px;margin-top:8px;word-break:break-all}.bad{color:#c00;margin:4px 0 0;padding-left:16px}
</style></head><body><h1>${esc(title)}</h1><p>${shots.length} previews · clock ${esc(now)} · <code>npm run preview</code></p><main>
${cards}
</main></body></html>`;
  writeFileSync(join(outDir, 'index.html'), html);
}
