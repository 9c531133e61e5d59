/**
 * Images the user uploads (certificate photos): checked on the phone, then put in cloud storage with
 * `wx.cloud.uploadFile`, or, in the local cloud's development mode, with `wx.uploadFile` to the local cloud.
 *
 * CONTRACT (h/train-base): the storage helper (h/storage) builds these; pages call them.
 */
import { UPLOAD_LIMITS } from '../typings/data';
import { currentTransport, type LocalCloudTarget } from './config';
import { ensureCloud } from './transport';

/** A file `wx.chooseMedia` gave back. */
export interface ChosenImage {
  tempFilePath: string;
  size: number;
}

/** A Chinese message when the chosen file cannot be uploaded (not a JPEG/PNG, or too large), else undefined. */
export function checkImage(file: ChosenImage): string | undefined {
  if (!/\.(jpe?g|png)$/i.test(file.tempFilePath)) return '请选择 JPG 或 PNG 格式的图片';
  if (file.size > UPLOAD_LIMITS.maxBytes) return `图片不能超过 ${UPLOAD_LIMITS.maxBytes / 1024 / 1024} MB`;
  return undefined;
}

export const UPLOAD_FAILED = '图片上传失败，请检查网络后重试';

/** The local cloud's upload route (`POST /v1/storage/upload`), as `wx.uploadFile` sends a form. */
function viaLocal(target: LocalCloudTarget, file: ChosenImage, cloudPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.uploadFile({
      url: `${target.url}/v1/storage/upload`,
      filePath: file.tempFilePath,
      name: 'file',
      formData: { cloudPath },
      header: { 'x-wx-openid': target.openid },
      success: (res) => {
        let fileID: unknown;
        try {
          fileID = (JSON.parse(res.data) as { fileID?: unknown }).fileID;
        } catch {
          fileID = undefined;
        }
        if (res.statusCode === 200 && typeof fileID === 'string') resolve(fileID);
        else reject(new Error(UPLOAD_FAILED));
      },
      fail: () => reject(new Error(UPLOAD_FAILED)),
    });
  });
}

/**
 * Uploads the chosen image to `cloudPath` and resolves to its fileID; rejects with a Chinese message (the file's
 * problem from `checkImage`, or a failed upload). The function that gets the fileID checks the bytes again.
 */
export function uploadImage(file: ChosenImage, cloudPath: string): Promise<string> {
  const problem = checkImage(file);
  if (problem) return Promise.reject(new Error(problem));
  const transport = currentTransport();
  if (transport.kind === 'local') return viaLocal(transport, file, cloudPath);
  ensureCloud();
  return wx.cloud.uploadFile({ cloudPath, filePath: file.tempFilePath }).then(
    (res) => res.fileID,
    () => Promise.reject(new Error(UPLOAD_FAILED)),
  );
}
