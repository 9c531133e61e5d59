/** wx-server-sdk's storage calls as the files API uses them: in batches of 50 (the platform's limit per call). */
import { cloud } from '../cloud';

const BATCH = 50;

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/** The file's bytes (the SDK fetches a temporary URL); a missing file rejects, so ask `temporaryUrlsOf` first. */
export async function download(fileId: string): Promise<Buffer> {
  return (await cloud.downloadFile({ fileID: fileId })).fileContent;
}

/** Temporary URLs valid for `maxAge` seconds, of the files storage has (missing ones are left out). */
export async function temporaryUrlsOf(fileIds: string[], maxAge: number): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  for (const batch of batches(fileIds)) {
    const res = await cloud.getTempFileURL({ fileList: batch.map((fileID) => ({ fileID, maxAge })) });
    for (const item of res?.fileList ?? [])
      if (item.status === 0 && item.tempFileURL) urls.set(item.fileID, item.tempFileURL);
  }
  return urls;
}

/** Deletes the files from storage; files already gone are not an error. */
export async function deleteStored(fileIds: string[]): Promise<void> {
  for (const batch of batches(fileIds)) await cloud.deleteFile({ fileList: batch });
}
