/** The function host: identity, real concurrency, timeouts, errors, callFunction, settings. */
import { FIXTURES, startTestCloud, type TestCloud } from '../helpers/local-cloud';

interface Who {
  openid: string | null;
  now: number;
  hq: string;
  tz: string | null;
  settings: { template: string; lead: string };
  requestId: string;
  functionName: string;
}

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ functionsDir: FIXTURES, poolSize: 2 });
});
afterAll(() => cloud.stop());

test('two concurrent invocations with different openids each see their own', async () => {
  const [a, b] = await Promise.all([
    cloud.request<Who>('whoami', { sleepMs: 150 }, 'openid-a'),
    cloud.request<Who>('whoami', { sleepMs: 150 }, 'openid-b'),
  ]);
  expect(a.body.openid).toBe('openid-a');
  expect(b.body.openid).toBe('openid-b');
  expect(a.body.requestId).toBe(a.requestId);
  expect(a.body.functionName).toBe('whoami');
});

test('a call without x-wx-openid has no OPENID', async () => {
  const r = await cloud.request<Who>('whoami', {});
  expect(r.status).toBe(200);
  expect(r.body.openid).toBeNull();
});

test('functions get the settings with local defaults, and run in UTC (no TZ set)', async () => {
  const r = await cloud.request<Who>('whoami', {}, 'x');
  expect(r.body.hq).toBe('demo-hq');
  expect(r.body.settings).toEqual({ template: 'local-reminder-template', lead: '120' });
  expect(r.body.tz).toBeNull();
});

test('two slow invocations run at once, not one after the other', async () => {
  await Promise.all([cloud.request('whoami', {}, 'w1'), cloud.request('whoami', {}, 'w2')]); // warm both instances
  const started = Date.now();
  await Promise.all([cloud.request('whoami', { sleepMs: 400 }, 'c1'), cloud.request('whoami', { sleepMs: 400 }, 'c2')]);
  expect(Date.now() - started).toBeLessThan(700);
});

test('a function past its timeout gets an error reply and its instance is replaced', async () => {
  const r = await cloud.request<{ code: string; message: string }>('whoami', { spin: true }, 'spinner');
  expect(r.status).toBe(504);
  expect(r.body.code).toBe('FUNCTIONS_TIME_LIMIT_EXCEEDED');
  expect(r.body.message).toMatch(/timed out after 1 seconds/);
  const after = await cloud.request<Who>('whoami', {}, 'next');
  expect(after.status).toBe(200);
  expect(after.body.openid).toBe('next');
});

test('a thrown error is a 500 with the error, and a leaked rejection does not take anything down', async () => {
  const r = await cloud.request<{ code: string; message: string }>('whoami', { throw: '坏了' }, 'x');
  expect(r.status).toBe(500);
  expect(r.body.code).toBe('FUNCTIONS_EXECUTE_FAIL');
  expect(r.body.message).toContain('坏了');
  const leak = await cloud.request<Who>('whoami', { leak: true }, 'x');
  expect(leak.status).toBe(200);
  expect((await cloud.request<Who>('whoami', {}, 'y')).body.openid).toBe('y');
});

test('cloud.callFunction reaches the other function as the same user, and returns its errors', async () => {
  const r = await cloud.request<{ me: string; callee: Who }>('caller', {}, 'caller-openid');
  expect(r.body.me).toBe('caller-openid');
  expect(r.body.callee.openid).toBe('caller-openid');
  const failed = await cloud.request<{ errCode: number; errMsg: string }>('caller', { data: { throw: 'nope' } }, 'u');
  // node-sdk 3.17.2 throws on the reply's `code`, and wx-server-sdk reports any thrown Error as errCode -1.
  expect(failed.body.errCode).toBe(-1);
  expect(failed.body.errMsg).toContain('nope');
  const missing = await cloud.request<{ errCode: number; errMsg: string }>('caller', { target: 'nosuch' }, 'u');
  expect(missing.body.errMsg).toContain('function nosuch not found');
});

test('nested calls do not deadlock a busy pool', async () => {
  const replies = await Promise.all([1, 2, 3].map((i) => cloud.request<{ callee: Who }>('caller', {}, `n${i}`)));
  expect(replies.map((r) => r.body.callee.openid)).toEqual(['n1', 'n2', 'n3']);
});

test('unknown function is a 404 JSON, bad JSON a 400', async () => {
  const missing = await cloud.request<{ code: string }>('nosuch', {});
  expect(missing.status).toBe(404);
  expect(missing.body.code).toBe('FUNCTION_NOT_FOUND');
  const bad = await fetch(`${cloud.url}/v1/functions/whoami`, { method: 'POST', body: '{oops' });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { code: string }).code).toBe('INVALID_JSON');
  expect((await fetch(`${cloud.url}/healthz`)).status).toBe(200);
});

test('in-process call returns the result and metrics', async () => {
  const outcome = await cloud.call('whoami', {}, 'direct');
  expect(outcome.ok).toBe(true);
  if (outcome.ok) expect((outcome.result as Who).openid).toBe('direct');
});
