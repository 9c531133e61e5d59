/**
 * security.mediaCheckAsync through the unmodified SDK: the call answers with a traceId, and the verdict arrives
 * later as a `wxa_media_check` message-push event to the declared function — after the calling invocation ended,
 * deterministically (settle). Risky media is chosen by SHA-256; a client cannot post such an event itself.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, startTestCloud, type TestCloud } from '../helpers/local-cloud';

const PNG = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'certificate.png'));
const OTHER = Buffer.concat([PNG, Buffer.from('another photo')]);

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ functionsDir: FIXTURES, poolSize: 2, messagePush: 'storer' });
});
afterAll(() => cloud.stop());

type Verdict = { suggest: string; label: number; openid: string; from: string; askedFirst: boolean; errMsg?: string };

async function check(bytes: Buffer, name: string): Promise<{ traceId: string; errCode: number }> {
  const up = await cloud.request<{ fileID: string }>(
    'storer',
    { api: 'upload', cloudPath: `media/${name}.png`, base64: bytes.toString('base64') },
    'user-1',
  );
  const res = await cloud.request<{ traceId: string; errCode: number }>(
    'storer',
    { api: 'check', fileID: up.body.fileID },
    'user-1',
  );
  return res.body;
}

const verdict = (traceId: string) => cloud.request<Verdict>('storer', { api: 'verdict', traceId }).then((r) => r.body);

test('the verdict is pushed to the declared function after the call, pass for ordinary media', async () => {
  const { traceId, errCode } = await check(PNG, 'fine');
  expect(errCode).toBe(0);
  expect(traceId).toMatch(/^[0-9a-f-]{36}$/);
  const settled = await fetch(`${cloud.url}/v1/security/media/settle`, { method: 'POST' });
  expect(((await settled.json()) as { delivered: number }).delivered).toBeGreaterThanOrEqual(1);
  expect(await verdict(traceId)).toMatchObject({
    suggest: 'pass',
    label: 100,
    openid: 'user-1',
    from: 'user-1',
    askedFirst: true,
  });
});

test('media marked risky by its SHA-256 gets suggest risky; the verdicts are listed', async () => {
  const sha = createHash('sha256').update(OTHER).digest('hex');
  await fetch(`${cloud.url}/v1/security/media`, {
    method: 'POST',
    body: JSON.stringify({ risky: [{ sha256: sha, label: 20001 }] }),
  });
  const { traceId } = await check(OTHER, 'risky');
  await cloud.mediaChecks.settle();
  expect(await verdict(traceId)).toMatchObject({ suggest: 'risky', label: 20001 });
  const listed = (await (await fetch(`${cloud.url}/v1/security/media`)).json()) as {
    risky: string[];
    verdicts: { traceId: string; suggest: string; ok: boolean }[];
  };
  expect(listed.risky).toEqual([sha]);
  expect(listed.verdicts.find((v) => v.traceId === traceId)).toMatchObject({ suggest: 'risky', ok: true });
  cloud.mediaChecks.setControls({ clear: true });
});

test('a client cannot post a media-check event to a function', async () => {
  const forged = await cloud.request('storer', {
    MsgType: 'event',
    Event: 'wxa_media_check',
    trace_id: 'x',
    result: { suggest: 'pass', label: 100 },
  });
  expect(forged.status).toBe(403);
  expect(forged.body).toMatchObject({ code: 'PUSH_EVENT_REFUSED' });
  expect(await verdict('x')).toMatchObject({ errMsg: expect.stringContaining('does not exist') });
});

test('bad requests get the platform errors and nothing is delivered', async () => {
  const before = cloud.mediaChecks.list().length;
  const ask = (payload: Record<string, unknown>) =>
    cloud.mediaChecks.request(
      { media_url: 'http://127.0.0.1/a.png', media_type: 2, version: 2, scene: 1, openid: 'u', ...payload },
      undefined,
    );
  expect(ask({ media_type: 3 })).toMatchObject({ errcode: 47003 });
  expect(ask({ openid: '' })).toMatchObject({ errcode: 40003 });
  expect(ask({ media_url: 'ftp://x' })).toMatchObject({ errcode: 47003 });
  await cloud.mediaChecks.settle();
  expect(cloud.mediaChecks.list()).toHaveLength(before);
});
