// Uploaded images are judged by their bytes, and fileIDs by environment and folder (server/rules/images.ts).
import { cloudPathOf, isUnder, judgeImage } from '../../server/rules/images';

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);

test('JPEG and PNG by magic bytes; anything else, or over 5 MB, is refused in Chinese', () => {
  expect(judgeImage(JPEG)).toEqual({ type: 'image/jpeg' });
  expect(judgeImage(PNG)).toEqual({ type: 'image/png' });
  expect(judgeImage(Buffer.from('GIF89a'))).toEqual({ problem: '请上传 JPG 或 PNG 格式的图片' });
  expect(judgeImage(new Uint8Array(0))).toEqual({ problem: '请上传 JPG 或 PNG 格式的图片' });
  const big = new Uint8Array(5 * 1024 * 1024 + 1);
  big.set(PNG);
  expect(judgeImage(big)).toEqual({ problem: '图片不能超过 5 MB' });
  expect(judgeImage(big.subarray(0, 5 * 1024 * 1024))).toEqual({ type: 'image/png' });
});

test("a fileID must be this environment's and inside the folder, without dot segments", () => {
  const id = 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/qualifications/v1/a.png';
  expect(cloudPathOf(id, 'prod-1a2b')).toBe('qualifications/v1/a.png');
  expect(cloudPathOf(id, 'other')).toBeUndefined();
  expect(isUnder(id, 'prod-1a2b', 'qualifications/v1/')).toBe(true);
  expect(isUnder(id, 'prod-1a2b', 'qualifications/v')).toBe(false);
  expect(isUnder(id, 'prod-1a2b', 'qualifications/v2/')).toBe(false);
  expect(isUnder(id.replace('v1/', 'v1/../v2/'), 'prod-1a2b', 'qualifications/v1/')).toBe(false);
  expect(isUnder('https://x/qualifications/v1/a.png', 'prod-1a2b', 'qualifications/v1/')).toBe(false);
  expect(isUnder(id.replace('a.png', ''), 'prod-1a2b', 'qualifications/v1/')).toBe(false);
});
