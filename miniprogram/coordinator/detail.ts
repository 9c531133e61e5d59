/** What the coordinator's detail pages share: loading one record into the page, and asking for a reason. */
import Toast from '@vant/weapp/toast/toast';
import { messageOf } from '../services/index';

interface Host {
  data: Record<string, unknown>;
  setData(data: Record<string, unknown>): void;
}

/** Loads one record into `data[key]`: a skeleton the first time, an error with 重试 when it fails. */
export async function loadDetail<T, V>(host: Host, key: string, fetch: () => Promise<T>, toView: (r: T) => V) {
  host.setData({ loading: !host.data[key], error: '' });
  try {
    const record = await fetch();
    host.setData({ loading: false, [key]: toView(record) });
  } catch (error) {
    host.setData({ loading: false, error: messageOf(error) });
  }
}

/** Asks for a reason in the platform dialog; resolves to it, or undefined when cancelled or left empty. */
export function askReason(title: string, placeholderText: string, confirmText: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      editable: true,
      placeholderText,
      confirmText,
      success: (res) => {
        const reason = res.confirm ? (res.content ?? '').trim() : '';
        if (res.confirm && !reason) Toast({ message: '请填写原因', duration: 2000 });
        resolve(reason || undefined);
      },
      fail: () => resolve(undefined),
    });
  });
}

/** The place picked on the map (wx.chooseLocation), starting from the current one; undefined when cancelled. */
export function pickPlace(lat: number | null, lng: number | null) {
  return new Promise<{ lat: number; lng: number; address: string } | undefined>((resolve) => {
    wx.chooseLocation({
      ...(lat !== null && lng !== null ? { latitude: lat, longitude: lng } : {}),
      success: (res) =>
        resolve({
          lat: res.latitude,
          lng: res.longitude,
          address: [res.address, res.name].filter(Boolean).join(' ').slice(0, 100),
        }),
      fail: () => resolve(undefined),
    });
  });
}
