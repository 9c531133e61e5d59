import { volunteers } from '../../services/index';
import { loadRecord } from '../../utils/record';
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

  load() {
    // Keep what is on screen while refreshing; the skeleton shows only on the first load.
    return loadRecord(
      this,
      () => volunteers.me({}, { toast: false }),
      (me) => {
        const view = toMeView(me);
        return { me: view, visitor: view === null };
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
});
