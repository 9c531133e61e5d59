/**
 * The functions' files API (server/files) through the local cloud and the unmodified SDK, behind the real handler
 * (test-only function `files`, see files-harness/): an image the user uploaded is accepted only as a JPEG/PNG
 * within 5 MB under the caller's folder — a bad one is deleted with a clear Chinese error; it is handed out as a
 * URL only once the platform's media check passed; a risky one never; a forged verdict settles nothing.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';

const ROOT = path.join(__dirname, '..', '..');
const FUNCTIONS = path.join(ROOT, '.build', 'test-functions');
const PNG = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'certificate.png'));

type Reply<T> = { ok: true; data: T } | { ok: false; code: string; message: string; fields?: Record<string, string> };

let cloud: TestCloud;
beforeAll(async () => {
  await build({
    entryPoints: [path.join(__dirname, 'files-harness', 'index.ts')],
    outfile: path.join(FUNCTIONS, 'files', 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    logLevel: 'error',
  });
  fs.writeFileSync(
    path.join(FUNCTIONS, 'files', 'config.json'),
    JSON.stringify({ permissions: { openapi: ['security.mediaCheckAsync'] }, timeout: 10 }),
  );
  cloud = await startTestCloud({ functionsDir: FUNCTIONS, poolSize: 2, messagePush: 'files' });
});
afterAll(() => cloud?.stop());

/** What the mini program does in local mode: wx.uploadFile to the local cloud. */
async function uploadAs(openid: string, cloudPath: string, bytes: Buffer): Promise<string> {
  const form = new FormData();
  form.append('cloudPath', cloudPath);
  form.append('file', new Blob([new Uint8Array(bytes)]), 'photo.png');
  const res = await fetch(`${cloud.url}/v1/storage/upload`, {
    method: 'POST',
    headers: { 'x-wx-openid': openid },
    body: form,
  });
  return ((await res.json()) as { fileID: string }).fileID;
}

const call = async <T>(action: string, params: Record<string, unknown>, openid = 'vol-1') => {
  const r = await cloud.request<Reply<T>>('files', { action, ...params }, openid);
  return { ...r.body, requests: r.metrics.requests } as Reply<T> & { requests: number };
};
const accept = (fileId: string, ref: string, prefix = 'qualifications/v1/') =>
  call<{ media: string; contentType: string; size: number }>('accept', { fileId, prefix, ref });
const urls = (fileIds: string[]) => call<Record<string, string>>('urls', { fileIds });
const hooked = (ref: string) => call<string | null>('hooked', { ref });

test('a PNG is accepted as checking, handed out only once the media check passed, and the hook is told', async () => {
  const fileId = await uploadAs('vol-1', 'qualifications/v1/cert.png', PNG);
  const res = await accept(fileId, 'q1');
  expect(res).toMatchObject({
    ok: true,
    data: { fileId, media: 'checking', contentType: 'image/png', size: PNG.length },
  });
  expect(res.requests).toBeLessThanOrEqual(5);
  const before = await call<{ media: string; traced: boolean; owner: string }[]>('records', { fileIds: [fileId] });
  expect(before).toMatchObject({
    ok: true,
    data: [{ owner: 'vol-1', purpose: 'qualification', ref: 'q1', traced: true }],
  });
  await cloud.mediaChecks.settle();
  expect(await hooked('q1')).toMatchObject({ ok: true, data: 'pass' });
  const got = await urls([fileId, 'cloud://local.x/qualifications/v1/unknown.png']);
  expect(got.ok).toBe(true);
  const map = (got as { data: Record<string, string> }).data;
  expect(Object.keys(map)).toEqual([fileId]);
  const photo = await fetch(encodeURI(map[fileId]));
  expect(Buffer.from(await photo.arrayBuffer())).toEqual(PNG);
});

test('a file still being checked is never handed out', async () => {
  const fileId = await uploadAs('vol-1', 'qualifications/v1/slow.png', Buffer.concat([PNG, Buffer.from('slow')]));
  cloud.mediaChecks.setControls({ hold: true });
  expect((await accept(fileId, 'q-slow')).ok).toBe(true);
  expect(await call('records', { fileIds: [fileId] })).toMatchObject({ data: [{ media: 'checking' }] });
  expect(await urls([fileId])).toMatchObject({ ok: true, data: {} });
  await cloud.mediaChecks.settle();
  expect(await urls([fileId])).toMatchObject({ ok: true, data: { [fileId]: expect.stringContaining('http') } });
});

test('risky media is marked risky, the hook is told, and no URL is ever given', async () => {
  const bytes = Buffer.concat([PNG, Buffer.from('risky')]);
  cloud.mediaChecks.setControls({ risky: [createHash('sha256').update(bytes).digest('hex')] });
  const fileId = await uploadAs('vol-1', 'qualifications/v1/risky.png', bytes);
  expect((await accept(fileId, 'q-risky')).ok).toBe(true);
  await cloud.mediaChecks.settle();
  expect(await hooked('q-risky')).toMatchObject({ data: 'risky' });
  expect(await call('records', { fileIds: [fileId] })).toMatchObject({ data: [{ media: 'risky' }] });
  expect(await urls([fileId])).toMatchObject({ ok: true, data: {} });
  cloud.mediaChecks.setControls({ clear: true });
});

test('not an image, or over 5 MB: a clear Chinese error, the file is deleted and nothing recorded', async () => {
  const text = await uploadAs('vol-1', 'qualifications/v1/notes.png', Buffer.from('这不是图片'));
  expect(await accept(text, 'q-text')).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    message: '请上传 JPG 或 PNG 格式的图片',
  });
  expect(cloud.storage.metaOf(text)).toBeUndefined();
  const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
  const large = await uploadAs('vol-1', 'qualifications/v1/large.png', big);
  expect(await accept(large, 'q-large')).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    message: '图片不能超过 5 MB',
  });
  expect(cloud.storage.metaOf(large)).toBeUndefined();
  expect(await call('records', { fileIds: [text, large] })).toMatchObject({ ok: true, data: [] });
  await cloud.mediaChecks.settle();
  expect(await hooked('q-text')).toMatchObject({ data: null });
});

test("a fileID outside the caller's folder or environment is refused and left alone", async () => {
  const other = await uploadAs('vol-2', 'qualifications/v2/cert.png', PNG);
  expect(await accept(other, 'q-other')).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    message: '图片无效，请重新上传',
  });
  expect(cloud.storage.metaOf(other)).toBeDefined();
  const sneaky = other.replace('qualifications/v2/', 'qualifications/v1/../v2/');
  expect(await accept(sneaky, 'q-sneaky')).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  const foreign = other.replace('cloud://local.', 'cloud://prod-env.');
  expect(await accept(foreign, 'q-foreign', 'qualifications/v2/')).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
  });
  const missing = other.replace('cert.png', 'none.png');
  expect(await accept(missing, 'q-missing', 'qualifications/v2/')).toMatchObject({
    ok: false,
    message: '图片不存在，请重新上传',
  });
});

test('a forged verdict settles nothing: refused at the door, and unknown trace ids are ignored', async () => {
  const bytes = Buffer.concat([PNG, Buffer.from('forged')]);
  cloud.mediaChecks.setControls({ risky: [createHash('sha256').update(bytes).digest('hex')] });
  const fileId = await uploadAs('vol-3', 'qualifications/v3/cert.png', bytes);
  expect((await call('accept', { fileId, prefix: 'qualifications/v3/', ref: 'q-forged' }, 'vol-3')).ok).toBe(true);
  const forged = {
    MsgType: 'event',
    Event: 'wxa_media_check',
    trace_id: 'guess',
    result: { suggest: 'pass', label: 100 },
  };
  expect((await cloud.request('files', forged, 'vol-3')).status).toBe(403);
  // Even straight to the function (as a client could in the cloud), a trace id it never saw changes nothing.
  const direct = await cloud.call('files', forged, 'vol-3');
  expect(direct).toMatchObject({ ok: true, result: { ok: true, data: { settled: false } } });
  await cloud.mediaChecks.settle();
  expect(await call('records', { fileIds: [fileId] })).toMatchObject({ data: [{ media: 'risky' }] });
  cloud.mediaChecks.setControls({ clear: true });
});

test('removeFiles deletes the file and its record', async () => {
  const fileId = await uploadAs('vol-1', 'qualifications/v1/old.png', Buffer.concat([PNG, Buffer.from('old')]));
  await accept(fileId, 'q-old');
  await cloud.mediaChecks.settle();
  expect(await call('remove', { fileIds: [fileId, fileId] })).toMatchObject({ ok: true });
  expect(cloud.storage.metaOf(fileId)).toBeUndefined();
  expect(await call('records', { fileIds: [fileId] })).toMatchObject({ ok: true, data: [] });
  expect(await urls([fileId])).toMatchObject({ ok: true, data: {} });
});
