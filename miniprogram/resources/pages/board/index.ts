import { messageOf, resources } from '../../../services/index';
import type { BoardResponse } from '../../../typings/resources';

function toView(b: BoardResponse) {
  return {
    figures: [
      { label: '心愿', value: b.total.asked },
      { label: '已认领', value: b.total.claimed },
      { label: '已圆梦', value: b.total.fulfilled },
      { label: '捐赠物资', value: b.total.pledged },
    ],
    towns: b.byTown.map((t) => ({ ...t, rate: t.asked ? `${Math.round((t.fulfilled / t.asked) * 100)}%` : '—' })),
    thanks: b.thanks,
  };
}

/** 公益榜 (public, visitors too): wishes asked, claimed and fulfilled by town, goods pledged; donors thanked by name. */
Page({
  data: {
    loading: true,
    error: '',
    board: null as ReturnType<typeof toView> | null,
  },

  onShow() {
    void this.load();
  },

  onRetry() {
    void this.load();
  },

  onPullDownRefresh() {
    void this.load().then(() => wx.stopPullDownRefresh());
  },

  async load() {
    this.setData({ loading: !this.data.board, error: '' });
    try {
      this.setData({ loading: false, board: toView(await resources.board({}, { toast: false })) });
    } catch (error) {
      this.setData({ loading: false, error: messageOf(error) });
    }
  },
});
