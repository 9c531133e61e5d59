/** The clock moves what functions see (Date and serverDate); timers fire by route and by schedule. */
import { FIXTURES, startTestCloud, type TestCloud } from '../helpers/local-cloud';

const START = Date.UTC(2026, 4, 1, 1, 2, 30); // 2026-05-01 09:02:30 in Asia/Shanghai

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ functionsDir: FIXTURES, now: START });
});
afterAll(() => cloud.stop());

const clock = async (body?: unknown): Promise<{ now: number }> => {
  const res = await fetch(`${cloud.url}/v1/clock`, body ? { method: 'POST', body: JSON.stringify(body) } : {});
  return (await res.json()) as { now: number };
};

test('functions see the local clock through Date, and moving it moves them', async () => {
  const before = await cloud.request<{ now: number; newDate: number; isDate: boolean; fixed: number }>('whoami', {});
  expect(Math.abs(before.body.now - START)).toBeLessThan(5000);
  expect(before.body.isDate).toBe(true);
  expect(before.body.fixed).toBe(0);
  const { now } = await clock({ advanceMs: 3 * 86400_000 });
  expect(now - START).toBeGreaterThanOrEqual(3 * 86400_000);
  const after = await cloud.request<{ now: number; newDate: number }>('whoami', {});
  expect(after.body.now - before.body.now).toBeGreaterThanOrEqual(3 * 86400_000);
  expect(Math.abs(after.body.newDate - after.body.now)).toBeLessThan(50);
});

test('serverDate follows the clock too', async () => {
  const target = Date.UTC(2030, 0, 1);
  await clock({ now: target });
  expect(Math.abs((await clock()).now - target)).toBeLessThan(1000);
  const added = await cloud.request<{ id: string }>('notes', { action: 'add', text: 'x' });
  const read = await cloud.request<{ at: number }>('notes', { action: 'get', id: added.body.id });
  expect(Math.abs(read.body.at - target)).toBeLessThan(5000);
});

test('a bad clock request is a 400', async () => {
  const res = await fetch(`${cloud.url}/v1/clock`, { method: 'POST', body: '{"advanceMs":"soon"}' });
  expect(res.status).toBe(400);
});

test('POST /v1/triggers/:name runs the timer at once, with the timer event and no OPENID', async () => {
  const res = await fetch(`${cloud.url}/v1/triggers/ticker`, { method: 'POST' });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { event: Record<string, unknown>; openid: string | null };
  expect(body.event).toMatchObject({ Type: 'Timer', TriggerName: 'every5min', Message: '' });
  expect(body.openid).toBeNull();
  expect((await fetch(`${cloud.url}/v1/triggers/whoami`, { method: 'POST' })).status).toBe(404);
});

test('the schedule fires once when the clock passes a due time, then waits for the next', async () => {
  await clock({ now: Date.UTC(2026, 4, 1, 1, 2, 30) });
  await cloud.tickTimers(); // plan from the new time
  expect(await cloud.tickTimers()).toEqual([]);
  await clock({ advanceMs: 3 * 60_000 }); // 09:05:30 — past the 09:05:00 run
  expect(await cloud.tickTimers()).toEqual(['ticker']);
  expect(await cloud.tickTimers()).toEqual([]);
  await clock({ advanceMs: 60 * 60_000 }); // an hour later: missed runs coalesce into one
  expect(await cloud.tickTimers()).toEqual(['ticker']);
  expect(await cloud.tickTimers()).toEqual([]);
});
