/**
 * Images the user uploads (certificate photos): checked on the phone, then put in cloud storage with
 * `wx.cloud.uploadFile`, or, in the local cloud's development mode, with `wx.uploadFile` to the local cloud.
 *
 * CONTRACT (h/train-base): the storage helper (h/storage) builds these; pages call them.
 */
import { UPLOAD_LIMITS } from '../typings/data';

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

/** Uploads the chosen image to `cloudPath` and resolves to its fileID. */
export function uploadImage(_file: ChosenImage, _cloudPath: string): Promise<string> {
  return Promise.reject(new Error('uploadImage: not built yet (h/storage)'));
}
