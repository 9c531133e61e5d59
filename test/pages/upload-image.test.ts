/**
 * uploadImage (miniprogram/services/files.ts) in the page simulator: the photo wx.chooseMedia gave goes to cloud
 * storage through wx.cloud.uploadFile, or, in the local cloud's development mode, through wx.uploadFile to the
 * local cloud; either way the stored bytes are the chosen file's and the uploader is the user. A file that is not a
 * JPEG/PNG, or too large, is refused on the phone with the Chinese message and never sent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startPageCloud, type PageCloud } from '../helpers/page-cloud';
import { chooseImages, FIXTURE_IMAGE, installCloud, wxCalls } from '../helpers/page';
import { uploadImage, type ChosenImage } from '../../miniprogram/services/files';
import { LOCAL_CLOUD_STORAGE_KEY } from '../../miniprogram/services/config';

let cloud: PageCloud;
const openid = 'photo-user';
const wxg = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx;

beforeAll(async () => {
  cloud = await startPageCloud();
  installCloud(
    (name, data) => cloud.call(name, data, openid),
    (cloudPath, bytes) => cloud.upload(cloudPath, bytes, openid),
  );
});
afterAll(() => cloud.stop());
const accountInfo = wxg().getAccountInfoSync;
afterEach(() => {
  chooseImages(FIXTURE_IMAGE);
  (wxg().removeStorageSync as (k: string) => void)(LOCAL_CLOUD_STORAGE_KEY);
  wxg().getAccountInfoSync = accountInfo;
});

async function choose(): Promise<ChosenImage> {
  const res = (await (wxg().chooseMedia as (o: object) => Promise<{ tempFiles: ChosenImage[] }>)({
    count: 1,
    mediaType: ['image'],
  })) as { tempFiles: ChosenImage[] };
  return res.tempFiles[0];
}

test('the chosen photo is uploaded with wx.cloud.uploadFile and stored as the user', async () => {
  const fileId = await uploadImage(await choose(), 'qualifications/v1/photo.png');
  expect(fileId).toBe(cloud.cloud.storage.fileId('qualifications/v1/photo.png'));
  expect(cloud.cloud.storage.metaOf(fileId)).toMatchObject({ openid, contentType: 'image/png' });
  expect(cloud.cloud.storage.files.get('qualifications/v1/photo.png')?.bytes).toEqual(fs.readFileSync(FIXTURE_IMAGE));
  expect(wxCalls.map((c) => c.api)).toContain('cloud.uploadFile');
});

test('in the local development mode the photo goes by wx.uploadFile to the local cloud', async () => {
  const wx = wxg();
  wx.getAccountInfoSync = () => ({ miniProgram: { envVersion: 'develop' } });
  (wx.setStorageSync as (k: string, v: unknown) => void)(LOCAL_CLOUD_STORAGE_KEY, {
    url: cloud.cloud.url,
    openid: 'local-user',
  });
  const fileId = await uploadImage(await choose(), 'qualifications/v2/local.png');
  expect(cloud.cloud.storage.metaOf(fileId)).toMatchObject({ openid: 'local-user' });
  expect(wxCalls.filter((c) => c.api === 'uploadFile').at(-1)?.args).toMatchObject({
    url: `${cloud.cloud.url}/v1/storage/upload`,
    name: 'file',
    formData: { cloudPath: 'qualifications/v2/local.png' },
  });
});

test('not a JPEG/PNG or too large: refused on the phone, nothing sent', async () => {
  chooseImages(path.join(__dirname, '..', '..', 'package.json'));
  const sent = wxCalls.length;
  await expect(uploadImage(await choose(), 'qualifications/v1/x.png')).rejects.toThrow('请选择 JPG 或 PNG 格式的图片');
  const big: ChosenImage = { tempFilePath: 'http://tmp/big.jpg', size: 6 * 1024 * 1024 };
  await expect(uploadImage(big, 'qualifications/v1/big.jpg')).rejects.toThrow('图片不能超过 5 MB');
  expect(wxCalls.slice(sent).map((c) => c.api)).toEqual(['chooseMedia']);
});

test('a cancelled choice rejects as WeChat does; wx.previewImage is recorded', async () => {
  chooseImages();
  await expect(choose()).rejects.toMatchObject({ errMsg: 'chooseMedia:fail cancel' });
  (wxg().previewImage as (o: object) => void)({ urls: ['https://x/a.png'] });
  expect(wxCalls.at(-1)).toMatchObject({ api: 'previewImage', args: { urls: ['https://x/a.png'] } });
});
