/**
 * The local cloud stays up and keeps to itself: local Host and Origin only, clear 400 / 413 answers for bad
 * requests, and after every one of them a normal call still works.
 */
import { rawRequest, type RawReply } from '../helpers/admin-sign';
import { FIXTURES, startTestCloud, type TestCloud } from '../helpers/local-cloud';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ functionsDir: FIXTURES, poolSize: 1 });
});
afterAll(() => cloud.stop());

const call = (headers: Record<string, string>, body = '{}', path = '/v1/functions/whoami'): Promise<RawReply> =>
  rawRequest(cloud.port, { path, headers: { 'content-type': 'application/json', ...headers }, body });

/** A normal call answers as before: the server is still up. */
async function expectStillUp(): Promise<void> {
  const r = await cloud.request<{ openid: string }>('whoami', {}, 'still-here');
  expect(r.status).toBe(200);
  expect(r.body.openid).toBe('still-here');
}

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

describe('Host and Origin', () => {
  test.each(['127.0.0.1', 'localhost', '[::1]'])('Host %s (with the port) is served', async (name) => {
    const r = await call({ host: `${name}:${cloud.port}`, 'x-wx-openid': 'u1' });
    expect(r.status).toBe(200);
    expect((r.body as { openid: string }).openid).toBe('u1');
  });

  test.each(['evil.example', 'evil.example:3710', '127.0.0.1.evil.example', 'localhost.evil.example:80'])(
    'Host %s is refused with 403 and the function does not run',
    async (host) => {
      const r = await call({ host, 'x-wx-openid': 'u1' });
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({ code: 'FORBIDDEN_HOST' });
      await expectStillUp();
    },
  );

  test('every route refuses a foreign Host, /admin and /healthz included', async () => {
    for (const [method, path] of [
      ['POST', '/admin'],
      ['GET', '/healthz'],
      ['POST', '/v1/clock'],
      ['GET', '/v1/outbox'],
    ]) {
      const body = method === 'POST' ? '{}' : undefined;
      const r = await rawRequest(cloud.port, { method, path, headers: { host: 'evil.example' }, body });
      expect([path, r.status]).toEqual([path, 403]);
    }
  });

  test('a cross-site page (a foreign Origin) is refused; a local one is served', async () => {
    const local = { host: `127.0.0.1:${cloud.port}` };
    const foreign = await call({ ...local, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ code: 'FORBIDDEN_ORIGIN' });
    expect((await call({ ...local, origin: 'null' })).status).toBe(403);
    const moved = await rawRequest(cloud.port, {
      path: '/v1/clock',
      headers: { ...local, origin: 'http://evil.example', 'content-type': 'text/plain' },
      body: '{"advanceMs":86400000}',
    });
    expect(moved.status).toBe(403);
    expect(Math.abs(cloud.clock.now() - Date.now())).toBeLessThan(60_000);
    expect((await call({ ...local, origin: `http://localhost:${cloud.port}` })).status).toBe(200);
  });
});

describe('bad requests get 400 / 413 and the server stays up', () => {
  const local = (): Record<string, string> => ({ host: `127.0.0.1:${cloud.port}` });

  test('a body nested 4,000 levels deep is a 400, on the function route and on /admin', async () => {
    const deep = await call(local(), nested(4000));
    expect(deep.status).toBe(400);
    expect(deep.body).toMatchObject({ code: 'JSON_TOO_DEEP' });
    await expectStillUp();
    const admin = await call(local(), nested(4000), '/admin');
    expect(admin.status).toBe(400);
    await expectStillUp();
  });

  test('nesting up to the stated limit (100) is served; one level more is refused', async () => {
    expect((await call(local(), nested(100))).status).toBe(200);
    expect((await call(local(), nested(101))).status).toBe(400);
    // Brackets inside strings do not count.
    expect((await call(local(), JSON.stringify({ text: '{'.repeat(5000) }))).status).toBe(200);
  });

  test('malformed JSON is a 400 with a JSON error', async () => {
    const r = await call(local(), '{"action": ');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'INVALID_JSON' });
    await expectStillUp();
  });

  test.each(['/v1/functions/%E0%A4%A', '/v1/functions/%', '/v1/triggers/%ZZ'])(
    'a broken path %s is a 400, not a 500',
    async (path) => {
      const r = await call(local(), '{}', path);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 'INVALID_PATH' });
      await expectStillUp();
    },
  );

  test('an event over 6 MB is a 413 with a JSON error', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(6 * 1024 * 1024) });
    const r = await call(local(), big);
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ code: 'EXCEED_MAX_PAYLOAD_SIZE' });
    await expectStillUp();
  });

  test('a 16 MB body is answered with 413, not a reset connection', async () => {
    const r = await call(local(), 'x'.repeat(16 * 1024 * 1024 + 1), '/admin');
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ code: 'EXCEED_MAX_PAYLOAD_SIZE' });
    await expectStillUp();
  });
});

describe('timer events', () => {
  test('POST /v1/functions cannot pass for a timer: an event with Type "Timer" is refused', async () => {
    const forged = { Type: 'Timer', TriggerName: 'every5min', Time: '2026-01-01T00:00:00Z' };
    const r = await cloud.request<{ code: string }>('ticker', forged);
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('TIMER_EVENT_REFUSED');
    expect((await cloud.request<{ code: string }>('ticker', forged, 'someone')).status).toBe(403);
  });

  test('the timer still runs through its own route, without an OPENID', async () => {
    const res = await fetch(`${cloud.url}/v1/triggers/ticker`, { method: 'POST' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { event: { Type: string; TriggerName: string }; openid: string | null };
    expect(body.event).toMatchObject({ Type: 'Timer', TriggerName: 'every5min' });
    expect(body.openid).toBeNull();
  });
});
