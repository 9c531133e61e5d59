/** The console's JSON API answers only with the local key; the page itself is served to anyone local. */
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(() => cloud.stop());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${cloud.url}${path}`, { headers });

test('without the key, or with a wrong one, the console API is a 401', async () => {
  for (const path of ['/v1/console/overview', '/v1/console/export', '/v1/console/requests']) {
    expect((await get(path)).status).toBe(401);
    expect((await get(path, { 'x-local-key': 'wrong' })).status).toBe(401);
  }
  const posted = await fetch(`${cloud.url}/v1/console/import`, { method: 'POST', body: '{"collections":{}}' });
  expect(posted.status).toBe(401);
  expect(((await posted.json()) as { code: string }).code).toBe('UNAUTHORIZED');
});

test('with the key (alone or id:key) it answers', async () => {
  const alone = await get('/v1/console/overview', { 'x-local-key': cloud.secret.key });
  expect(alone.status).toBe(200);
  const body = (await alone.json()) as { collections: { name: string; count: number }[] };
  expect(body.collections.map((c) => c.name)).toContain('posts');
  const both = await get('/v1/console/clock', { 'x-local-key': `${cloud.secret.id}:${cloud.secret.key}` });
  expect(both.status).toBe(200);
});

test('the page is served at GET /, and the guard still refuses a foreign origin', async () => {
  const page = await get('/');
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(await page.text()).toContain('本地云控制台');
  expect((await get('/console/app.js')).headers.get('content-type')).toContain('javascript');
  const foreign = await get('/v1/console/overview', { 'x-local-key': cloud.secret.key, origin: 'http://evil.example' });
  expect(foreign.status).toBe(403);
});

test('a call through the console may not pose as a timer', async () => {
  const res = await fetch(`${cloud.url}/v1/console/call`, {
    method: 'POST',
    headers: { 'x-local-key': cloud.secret.key },
    body: JSON.stringify({ function: 'reminders', event: { Type: 'Timer', TriggerName: 'x' } }),
  });
  expect(res.status).toBe(403);
});
