/**
 * Cloud storage through the unmodified wx-server-sdk (a fixture function calls uploadFile, getTempFileURL,
 * downloadFile and deleteFile): fileIDs in the cloud's form, URLs that expire and die with the file, files kept
 * in the data folder across a restart, and the mini program's local-mode upload.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES, startTestCloud, type TestCloud } from '../helpers/local-cloud';

const PNG = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'certificate.png'));

type UrlItem = { fileID: string; tempFileURL: string; status: number; maxAge?: number };

const storer = <T>(cloud: TestCloud, event: Record<string, unknown>, openid = 'uploader-1') =>
  cloud.request<T>('storer', event, openid).then((r) => r.body);
const upload = (cloud: TestCloud, cloudPath: string, bytes = PNG) =>
  storer<{ fileID: string; errMsg?: string }>(cloud, { api: 'upload', cloudPath, base64: bytes.toString('base64') });
const urls = (cloud: TestCloud, fileList: unknown[]) =>
  storer<{ fileList: UrlItem[] }>(cloud, { api: 'urls', fileList }).then((r) => r.fileList);

describe('in memory', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({ functionsDir: FIXTURES, poolSize: 2 });
  });
  afterAll(() => cloud.stop());

  test('upload, temporary URL, download, delete — then the URL is a 404', async () => {
    const { fileID } = await upload(cloud, 'qualifications/v1/证书.png');
    expect(fileID).toBe(`cloud://local.${cloud.storage.bucket}/qualifications/v1/证书.png`);
    expect(cloud.storage.metaOf(fileID)).toMatchObject({
      size: PNG.length,
      contentType: 'image/png',
      openid: 'uploader-1',
    });

    const [item] = await urls(cloud, [fileID]);
    expect(item).toMatchObject({ fileID, status: 0, maxAge: 86400 });
    expect(item.tempFileURL).not.toContain('%');
    const res = await fetch(encodeURI(item.tempFileURL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);

    const down = await storer<{ base64: string }>(cloud, { api: 'download', fileID });
    expect(Buffer.from(down.base64, 'base64')).toEqual(PNG);

    const del = await storer<{ fileList: { fileID: string; status: number }[] }>(cloud, {
      api: 'delete',
      fileList: [fileID],
    });
    expect(del.fileList).toEqual([{ fileID, status: 0, errMsg: 'ok' }]);
    expect((await fetch(encodeURI(item.tempFileURL))).status).toBe(404);
    const [gone] = await urls(cloud, [fileID]);
    expect(gone).toMatchObject({ status: -503003, tempFileURL: '' });
  });

  test('a URL expires after max_age on the local clock; a forged one is refused', async () => {
    const { fileID } = await upload(cloud, 'a/expiring.png');
    const [item] = await urls(cloud, [{ fileID, maxAge: 60 }]);
    expect(item.maxAge).toBe(60);
    expect((await fetch(item.tempFileURL)).status).toBe(200);
    const forged = item.tempFileURL.replace(/sign=[0-9a-f]/, (s) => (s.endsWith('0') ? 'sign=1' : 'sign=0'));
    expect((await fetch(forged)).status).toBe(403);
    const later = item.tempFileURL.replace(/t=(\d+)/, (_, t: string) => `t=${Number(t) + 3600}`);
    expect((await fetch(later)).status).toBe(403);
    cloud.clock.advance(61_000);
    const expired = await fetch(item.tempFileURL);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('expired');
    const [fresh] = await urls(cloud, [fileID]);
    expect((await fetch(fresh.tempFileURL)).status).toBe(200);
  });

  test('an unknown or foreign fileID fails per item, the others succeed', async () => {
    const { fileID } = await upload(cloud, 'a/known.png');
    const list = await urls(cloud, [
      fileID,
      `cloud://local.${cloud.storage.bucket}/a/never.png`,
      'cloud://other.bucket/a.png',
    ]);
    expect(list.map((i) => i.status)).toEqual([0, -503003, -503002]);
    const down = await storer<{ errCode: number }>(cloud, { api: 'download', fileID: 'cloud://other.bucket/a.png' });
    expect(down.errCode).toBeLessThan(0);
    const del = await storer<{ fileList: { status: number }[] }>(cloud, {
      api: 'delete',
      fileList: [`cloud://local.${cloud.storage.bucket}/a/never.png`],
    });
    expect(del.fileList[0].status).toBe(-503003);
  });

  test('a bad path is refused by the SDK call; an upload token works once only', async () => {
    const bad = await upload(cloud, '../etc/passwd');
    expect(bad.fileID).toBeUndefined();
    expect(bad.errMsg).toMatch(/path/);
    const meta = cloud.storage.handleAction('storage.getUploadMetadata', { path: 'a/once.png' }, 'u') as {
      data: { url: string; token: string; authorization: string; cosFileId: string };
    };
    const put = (token = meta.data.token) =>
      fetch(meta.data.url, {
        method: 'PUT',
        headers: {
          authorization: meta.data.authorization,
          'x-cos-security-token': token,
          'x-cos-meta-fileid': meta.data.cosFileId,
        },
        body: PNG,
      });
    expect((await put('0'.repeat(48))).status).toBe(403);
    // The wrong token did not burn the right one.
    const ok = await put();
    expect([ok.status, await ok.text()]).toEqual([200, '']);
    const again = await put();
    expect(again.status).toBe(403);
    expect(await again.text()).toContain('<Code>AccessDenied</Code>');
  });

  test("the mini program's local-mode upload: multipart file + cloudPath, identity from x-wx-openid, a size cap", async () => {
    const form = (bytes: Buffer, cloudPath: string) => {
      const f = new FormData();
      f.append('cloudPath', cloudPath);
      f.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'tmp.png');
      return f;
    };
    const res = await fetch(`${cloud.url}/v1/storage/upload`, {
      method: 'POST',
      headers: { 'x-wx-openid': 'phone-user' },
      body: form(PNG, 'qualifications/v2/a.png'),
    });
    const { fileID } = (await res.json()) as { fileID: string };
    expect(fileID).toBe(cloud.storage.fileId('qualifications/v2/a.png'));
    expect(cloud.storage.metaOf(fileID)).toMatchObject({ openid: 'phone-user', contentType: 'image/png' });
    const anonymous = await fetch(`${cloud.url}/v1/storage/upload`, { method: 'POST', body: form(PNG, 'x/a.png') });
    expect(anonymous.status).toBe(401);
    const big = await fetch(`${cloud.url}/v1/storage/upload`, {
      method: 'POST',
      headers: { 'x-wx-openid': 'phone-user' },
      body: form(Buffer.alloc(11 * 1024 * 1024, 1), 'x/big.png'),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { message: string }).message).toContain('10 MB');
    expect(cloud.storage.metaOf(cloud.storage.fileId('x/big.png'))).toBeUndefined();
  });
});

test('files and their URLs survive a restart with a data folder', async () => {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'storage-')), 'data');
  try {
    const first = await startTestCloud({ functionsDir: FIXTURES, poolSize: 1, dataDir });
    const { fileID } = await upload(first, 'kept/photo.png');
    const [item] = await urls(first, [fileID]);
    await first.stop();
    expect(fs.readdirSync(path.join(dataDir, 'storage'))).toEqual(['meta', 'objects']);
    const second = await startTestCloud({ functionsDir: FIXTURES, poolSize: 1, dataDir, port: first.port });
    try {
      const res = await fetch(item.tempFileURL);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
      const down = await storer<{ base64: string }>(second, { api: 'download', fileID });
      expect(Buffer.from(down.base64, 'base64')).toEqual(PNG);
    } finally {
      await second.stop();
    }
  } finally {
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
});
