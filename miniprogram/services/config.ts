/**
 * Where calls go. In production (and by default) every call is `wx.cloud.callFunction`.
 *
 * Development switch — talk to the local cloud (`npm start`) from WeChat DevTools instead:
 *   1. DevTools → 详情 → 本地设置 → tick 「不校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书」.
 *   2. In the DevTools console run
 *        wx.setStorageSync('boai:local-cloud', { url: 'http://127.0.0.1:3710', openid: 'demo-volunteer' })
 *      and recompile. `openid` picks the demo identity (demo-visitor, demo-volunteer, demo-leader, demo-hq).
 *   3. `wx.removeStorageSync('boai:local-cloud')` goes back to CloudBase.
 * The switch is honoured only in the develop version (DevTools / preview), never in trial or release builds.
 */
/** The CloudBase environment id; empty uses the mini program's default environment. Set it when deploying. */
export const CLOUD_ENV = '';

export const LOCAL_CLOUD_STORAGE_KEY = 'boai:local-cloud';

export interface LocalCloudTarget {
  url: string;
  openid: string;
}

export type Transport = { kind: 'cloud' } | ({ kind: 'local' } & LocalCloudTarget);

function isDevelopVersion(): boolean {
  try {
    return wx.getAccountInfoSync().miniProgram.envVersion === 'develop';
  } catch {
    return false;
  }
}

export function currentTransport(): Transport {
  if (!isDevelopVersion()) return { kind: 'cloud' };
  const target = wx.getStorageSync(LOCAL_CLOUD_STORAGE_KEY) as Partial<LocalCloudTarget> | '';
  if (target && typeof target.url === 'string' && typeof target.openid === 'string') {
    return { kind: 'local', url: target.url.replace(/\/+$/, ''), openid: target.openid };
  }
  return { kind: 'cloud' };
}
