/**
 * The cloud behind page tests: always the real local cloud in-process (`startTestCloud()` from
 * `test/helpers/local-cloud.ts`), so page tests run the real, unmodified functions. There is no fake to fall
 * back to: when the local cloud cannot start, the page test fails with the reason.
 */
import { startTestCloud, type TestCloud } from './local-cloud';

export interface PageCloud {
  /** `(name, event, openid)` → the function's reply (the contract's envelope). */
  call(name: string, event: Record<string, unknown>, openid: string): Promise<unknown>;
  /** Puts bytes into the local cloud's storage as `openid` (what wx.cloud.uploadFile does); resolves to the fileID. */
  upload(cloudPath: string, bytes: Buffer, openid: string): Promise<string>;
  /** The local cloud itself (storage, media checks, clock). */
  cloud: TestCloud;
  stop(): Promise<void>;
}

export async function startPageCloud(): Promise<PageCloud> {
  const cloud = await startTestCloud();
  return {
    call: async (name, event, openid) => {
      const reply = await cloud.request(name, event, openid);
      // A function that crashed or was not found answers with a non-JSON or non-envelope reply: say so here.
      if (reply.status !== 200) throw new Error(`${name}.${String(event.action)} answered HTTP ${reply.status}`);
      return reply.body;
    },
    upload: async (cloudPath, bytes, openid) => {
      const form = new FormData();
      form.append('cloudPath', cloudPath);
      form.append('file', new Blob([new Uint8Array(bytes)]), 'upload');
      const res = await fetch(`${cloud.url}/v1/storage/upload`, {
        method: 'POST',
        headers: { 'x-wx-openid': openid },
        body: form,
      });
      const body = (await res.json()) as { fileID?: string; message?: string };
      if (!body.fileID) throw { errCode: -1, errMsg: `cloud.uploadFile:fail ${body.message ?? res.status}` };
      return body.fileID;
    },
    cloud,
    stop: () => cloud.stop(),
  };
}
