/**
 * 家的位置（用于就近匹配）: picked on the map and saved at once; only the coordinates are sent, never the address
 * text; 清除 forgets them.
 */
import Toast from '@vant/weapp/toast/toast';
import { messageOf, volunteers } from '../../services/index';
import type { Profile, UpdateRequest } from '../../typings/index';

export const homeText = (p: Pick<Profile, 'lat' | 'lng'>) =>
  p.lat !== undefined && p.lng !== undefined ? '已设置' : '';

interface Host {
  data: { home: string };
  setData(data: Record<string, unknown>): void;
}

async function saveHome(host: Host, change: UpdateRequest, done: string) {
  try {
    const profile = await volunteers.update(change, { toast: false });
    host.setData({ home: homeText(profile) });
    Toast({ type: 'success', message: done });
  } catch (error) {
    Toast({ type: 'fail', message: messageOf(error, '保存失败，请稍后重试') });
  }
}

export const homeHandlers = {
  onPickHome(this: Host) {
    wx.chooseLocation({
      success: (res) => void saveHome(this, { lat: res.latitude, lng: res.longitude }, '已保存家的位置'),
    });
  },

  onClearHome(this: Host) {
    void saveHome(this, { clearHome: true }, '已清除家的位置');
  },
};
