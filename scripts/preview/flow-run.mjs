// Runs the named flows, each against its own fresh local cloud (so one flow never sees another's writes and
// `--flows resident` alone gives the same PNGs as all flows), and writes one strip per flow.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startCloud } from './cloud.mjs';
import { NOW } from './render.mjs';
import { FlowError, runFlow } from './storyboard.mjs';
import { writeStrip } from './strip.mjs';

/** @returns {Promise<{ name: string, title: string, file: string, frames: { file: string, caption: string }[], problems: string[], ms: number }[]>} */
export async function runFlows({ repoRoot, renderer, flows, names, outDir }) {
  const strips = [];
  for (const name of names) {
    const started = Date.now();
    const dir = join(outDir, 'flows', name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const cloud = await startCloud({ repoRoot, now: NOW });
    if (!cloud) throw new Error('flows need the local cloud (local-cloud/index.ts)');
    const strip = { name, title: flows[name].title, file: `flows/${name}.png`, frames: [], problems: [], ms: 0 };
    try {
      await renderer.setClock(Date.parse(NOW));
      const result = await runFlow({ renderer, cloud, name, flow: flows[name], outDir: dir });
      strip.frames = result.frames.map((f) => ({ file: f.file.slice(outDir.length + 1), page: f.page, caption: f.caption }));
      await writeStrip(renderer.context, result, join(outDir, strip.file));
    } catch (err) {
      if (!(err instanceof FlowError)) throw err;
      strip.problems.push(err.message);
    } finally {
      await cloud.stop();
      await renderer.setClock(Date.parse(NOW));
    }
    strip.ms = Date.now() - started;
    console.log(`${strip.problems.length ? 'FAIL' : 'ok  '} flow ${name}: ${strip.frames.length} frame(s) ${strip.ms} ms${strip.problems.map((p) => `\n     ${p.split('\n').join('\n     ')}`).join('')}`);
    strips.push(strip);
  }
  return strips;
}
