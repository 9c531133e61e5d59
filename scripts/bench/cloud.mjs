// The local cloud the bench measures: the built functions on an in-memory database, silent, with `call` answering
// a successful call's data, metrics and time (a failed call throws: a bench on errors measures nothing).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const HQ = 'bench-hq';

export async function startBenchCloud(root, env = {}) {
  const require = createRequire(import.meta.url);
  const { startLocalCloud } = require(join(root, '.build/local-cloud/index.js'));
  const cloud = await startLocalCloud({
    port: 0,
    dataDir: ':memory:',
    timers: false,
    log: () => undefined,
    functionOutput: 'silent',
    env: { HQ_OPENIDS: HQ, ...env },
  });
  const call = async (name, event, openid) => {
    const started = performance.now();
    const outcome = await cloud.call(name, event, openid);
    const ms = performance.now() - started;
    const reply = outcome.ok ? outcome.result : undefined;
    if (!reply || !reply.ok) {
      throw new Error(`${name}.${event.action}: ${outcome.ok ? reply && reply.message : outcome.message}`);
    }
    return { data: reply.data, metrics: outcome.metrics, ms };
  };
  return { cloud, call };
}
