import { messageOf, volunteers } from '../../services/index';
import { toMeView, type MeView } from './view';

Page({
  data: {
    loading: true,
    error: '',
    /** True once we know the caller is a visitor (not registered). */
    visitor: false,
    me: null as MeView | null,
  },

  onShow() {
    void this.load();
  },

  async load() {
    // Keep what is on screen while refreshing; the skeleton shows only on the first load.
    this.setData({ loading: !this.data.me && !this.data.visitor, error: '' });
    try {
      const me = await volunteers.me({}, { toast: false });
      const view = toMeView(me);
      this.setData({ loading: false, me: view, visitor: view === null });
    } catch (error) {
      const message = messageOf(error);
      this.setData({ loading: false, error: message });
    }
  },

  onRetry() {
    this.setData({ me: null, visitor: false });
    void this.load();
  },

  onRegister() {
    wx.navigateTo({ url: '/pages/register/index' });
  },
});
