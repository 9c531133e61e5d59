/**
 * Previews start the local cloud `repeatable`: the clock stands still and the functions' ids, codes and tokens come
 * from a seed, so two runs of the demo seed give the same data (and the same PNGs). Without it they stay random.
 */
import { seedDemo } from '../../local-cloud/seed';
import { registration } from '../functions/helpers';
import { FIXTURES, startTestCloud, type TestCloud } from '../helpers/local-cloud';

const NOW = Date.UTC(2026, 10, 28, 1); // 2026-11-28 09:00 in Zhongshan
const KEY = 'ab'.repeat(32);

async function demo(): Promise<{ refs: Record<string, string>; code: unknown; card: unknown; now: number }> {
  const cloud: TestCloud = await startTestCloud({ now: NOW, repeatable: { seed: 'test' }, env: { PII_KEY: KEY } });
  try {
    const { refs } = await seedDemo(cloud);
    const code = (await cloud.request('posts', { action: 'checkinCode', postId: refs.post }, 'demo-leader')).body;
    const card = (await cloud.request('volunteers', { action: 'me' }, 'demo-volunteer')).body;
    return { refs, code, card, now: cloud.clock.now() };
  } finally {
    await cloud.stop();
  }
}

test('two repeatable demo clouds hold the same ids, invite and check-in codes, at a clock that stood still', async () => {
  const first = await demo();
  const second = await demo();
  expect(second).toEqual(first);
  expect(first.now).toBe(NOW);
  expect(first.refs.invite).toMatch(/^[A-Z2-9]{10}$/);
}, 120_000);

test('without it, ids stay random', async () => {
  const ids: unknown[] = [];
  for (let run = 0; run < 2; run += 1) {
    const cloud = await startTestCloud({ now: NOW });
    ids.push((await cloud.request('volunteers', { action: 'register', ...registration() }, 'someone')).body);
    await cloud.stop();
  }
  expect(ids[0]).toMatchObject({ ok: true });
  expect(ids[1]).not.toEqual(ids[0]);
});

test('a stopped clock reads exactly the time it was set to, in functions and on the host', async () => {
  const cloud = await startTestCloud({ functionsDir: FIXTURES, now: NOW, repeatable: { seed: 'test' } });
  try {
    const seen = new Set<number>();
    for (let i = 0; i < 300; i += 1) {
      const { body } = await cloud.request<{ now: number; newDate: number }>('whoami', {});
      seen.add(body.now).add(body.newDate).add(cloud.clock.now());
    }
    expect([...seen]).toEqual([NOW]);
  } finally {
    await cloud.stop();
  }
});
