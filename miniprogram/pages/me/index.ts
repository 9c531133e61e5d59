import Toast from '@vant/weapp/toast/toast';
import type { MeResponse } from '../../typings/index';
import { messageOf, needs, stars, volunteers } from '../../services/index';
import { loadRecord } from '../../utils/record';
import { recomputeMessage, toMeView, type MeView } from './view';

Page({
  data: {
    loading: true,
    error: '',
    /** True once we know the caller is a visitor (not registered). */
    visitor: false,
    /** 总队工作台: hq staff, registered or not. */
    hq: false,
    me: null as MeView | null,
    recomputing: false,
    /** 结对邀请 waiting for an answer (the badge on 我的结对). */
    offersWaiting: 0,
  },

  onShow() {
    void this.load();
  },

  async load() {
    // Keep what is on screen while refreshing; the skeleton shows only on the first load.
    await this.loadMe();
    if (this.data.me) await this.countOffers();
  },

  /** Offers come first in 我的结对, so one page holds those waiting. */
  async countOffers() {
    try {
      const page = await needs.mine({ pageSize: 50 }, { toast: false });
      this.setData({ offersWaiting: page.items.filter((i) => i.status === 'offered').length });
    } catch {
      // The badge is a hint; 我的结对 itself shows the offers.
    }
  },

  loadMe() {
    return loadRecord(
      this,
      () => volunteers.me({}, { toast: false }),
      (me: MeResponse) => {
        const view = toMeView(me);
        return { me: view, visitor: view === null, hq: me.roles.includes('hq') };
      },
      { keep: !!this.data.me || this.data.visitor },
    );
  },

  onRetry() {
    this.setData({ me: null, visitor: false });
    void this.load();
  },

  onRegister() {
    wx.navigateTo({ url: '/pages/register/index' });
  },

  onRecompute() {
    if (this.data.recomputing) return;
    wx.showModal({
      title: '重算星级',
      content: '将按最新的服务时长、评价和服务年限重新核定全部义工的星级，可能需要几十秒。确定重算吗？',
      confirmText: '重算',
      success: (res) => {
        if (res.confirm) void this.recompute();
      },
    });
  },

  async recompute() {
    this.setData({ recomputing: true });
    try {
      const result = await stars.recompute({}, { toast: false });
      Toast({ type: result.done ? 'success' : 'text', message: recomputeMessage(result), duration: 3000 });
    } catch (error) {
      Toast({ type: 'fail', message: messageOf(error, '重算失败，请稍后再试') });
    } finally {
      this.setData({ recomputing: false });
    }
  },
});
