/**
 * `/admin` verifies node-sdk's request signature against the local secret, as the cloud does: an unsigned,
 * wrongly signed or stale request writes nothing; the functions' own SDK calls pass, also with the clock moved.
 */
import { postAdmin, type Secret } from '../helpers/admin-sign';
import { FIXTURES, startTestCloud, type TestCloud } from '../helpers/local-cloud';

const SECRET: Secret = { id: 'test-secret-id', key: 'test-secret-key' };

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ functionsDir: FIXTURES, poolSize: 1, secret: `${SECRET.id}:${SECRET.key}` });
});
afterAll(() => cloud.stop());

const insert = (text: string): Record<string, unknown> => ({
  action: 'database.insertDocument',
  envName: 'local',
  collectionName: 'counters',
  data: [JSON.stringify({ text })],
});

function stored(text: string): number {
  const reply = cloud.db.handle('database.getDocument', {
    collectionName: 'counters',
    queryType: 'WHERE',
    query: JSON.stringify({ text }),
    limit: 100,
  }) as { list: unknown[] };
  return reply.list.length;
}

test('a request signed with the local secret is served', async () => {
  const r = await postAdmin(cloud.url, insert('signed'), { secret: SECRET });
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ data: { insertedIds: [expect.any(String)] } });
  expect(stored('signed')).toBe(1);
});

test('an unsigned request is refused with 401 and writes nothing', async () => {
  const res = await fetch(`${cloud.url}/admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(insert('unsigned')),
  });
  expect(res.status).toBe(401);
  expect(await res.json()).toMatchObject({ code: 'SIGN_PARAM_INVALID' });
  expect(stored('unsigned')).toBe(0);
});

test('a wrong key, an unknown secret id or a changed body is refused', async () => {
  const wrongKey = await postAdmin(cloud.url, insert('wrong-key'), { secret: { ...SECRET, key: 'guess' } });
  expect(wrongKey.status).toBe(401);
  const otherId = await postAdmin(cloud.url, insert('other-id'), { secret: { id: 'other', key: SECRET.key } });
  expect(otherId.status).toBe(401);
  expect(stored('wrong-key') + stored('other-id')).toBe(0);
});

test('a signature more than 5 minutes old (or ahead) is refused', async () => {
  const now = Math.floor(Date.now() / 1000);
  const stale = await postAdmin(cloud.url, insert('stale'), { secret: SECRET, timestamp: now - 6 * 60 });
  expect(stale.status).toBe(401);
  expect(stale.body).toMatchObject({ code: 'SIGN_PARAM_INVALID', message: expect.stringMatching(/time/) });
  const ahead = await postAdmin(cloud.url, insert('ahead'), { secret: SECRET, timestamp: now + 6 * 60 });
  expect(ahead.status).toBe(401);
  const recent = await postAdmin(cloud.url, insert('recent'), { secret: SECRET, timestamp: now - 4 * 60 });
  expect(recent.status).toBe(200);
  expect(stored('stale') + stored('ahead')).toBe(0);
  expect(stored('recent')).toBe(1);
});

test('the functions get the local secret and their SDK calls pass, also after the clock moved days ahead', async () => {
  const who = await cloud.request<{ secretId: string }>('whoami', {}, 'u');
  expect(who.body.secretId).toBe(SECRET.id);
  await fetch(`${cloud.url}/v1/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 3 * 86400_000 }) });
  const added = await cloud.request<{ id: string }>('notes', { action: 'add', text: 'from the function' });
  expect(added.status).toBe(200);
  expect(added.body.id).toEqual(expect.any(String));
  expect(stored('from the function')).toBe(1);
  // The functions' clock is what they sign with, so a signature at the moved clock's time passes too.
  const moved = Math.floor(cloud.clock.now() / 1000);
  expect((await postAdmin(cloud.url, insert('moved'), { secret: SECRET, timestamp: moved })).status).toBe(200);
});

test('cloud.callFunction and the open API (multipart) pass the check too', async () => {
  const called = await cloud.request<{ callee: { openid: string } }>('caller', {}, 'caller-openid');
  expect(called.body.callee.openid).toBe('caller-openid');
  const checked = await cloud.request<{ errCode: number; result: { suggest: string } }>('messenger', {
    api: 'check',
    payload: { openid: 'u', scene: 2, version: 2, content: '周末一起去做义工' },
  });
  expect(checked.body.errCode).toBe(0);
  expect(checked.body.result.suggest).toBe('pass');
});
