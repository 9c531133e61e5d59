/** Sends one call over the current transport and resolves to whatever the function returned. */
import { CLOUD_ENV, currentTransport, type Transport } from './config';

let cloudReady = false;

/** `wx.cloud.init` once, for every `wx.cloud` call (functions here, uploads in files.ts). */
export function ensureCloud(): void {
  if (cloudReady) return;
  wx.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
  cloudReady = true;
}

function viaCloud(name: string, data: Record<string, unknown>): Promise<unknown> {
  ensureCloud();
  return wx.cloud.callFunction({ name, data }).then((res) => res.result);
}

function viaLocal(target: Extract<Transport, { kind: 'local' }>, name: string, data: Record<string, unknown>) {
  return new Promise<unknown>((resolve, reject) => {
    wx.request({
      url: `${target.url}/v1/functions/${name}`,
      method: 'POST',
      header: { 'content-type': 'application/json', 'x-wx-openid': target.openid },
      data,
      success: (res) => resolve(res.data),
      fail: reject,
    });
  });
}

export function send(name: string, data: Record<string, unknown>): Promise<unknown> {
  const transport = currentTransport();
  return transport.kind === 'local' ? viaLocal(transport, name, data) : viaCloud(name, data);
}
