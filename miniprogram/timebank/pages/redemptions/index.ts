import { messageOf, timebank } from '../../../services/index';
import { loadPaged, pagedList } from '../../../utils/paged';
import { toRedemptionRow, type RedemptionRow } from './view';

/**
 * 我的兑换: the caller's redemptions, newest first, with 取消兑换 on those still waiting (the hours come back). Once
 * the social worker has arranged the help, cancelling is theirs to do: the server says so.
 */
Page({
  ...pagedList,

  data: {
    items: [] as RedemptionRow[],
    loading: true,
    loadingMore: false,
    error: '',
    nextCursor: '',
    cancelling: '',
  },

  onShow() {
    void this.load();
  },

  load(more = false) {
    return loadPaged(this, (cursor) => timebank.redemptions({ cursor }, { toast: false }), toRedemptionRow, {
      more,
      keepItems: !more && this.data.items.length > 0,
    });
  },

  onCancel(event: { currentTarget: { dataset: { id: string } } }) {
    const redemptionId = event.currentTarget.dataset.id;
    if (this.data.cancelling) return;
    wx.showModal({
      title: '取消兑换',
      content: '取消后冻结的时长将退回余额。',
      confirmText: '确认取消',
      cancelText: '再想想',
      success: (res) => {
        if (res.confirm) void this.cancel(redemptionId);
      },
    });
  },

  async cancel(redemptionId: string) {
    this.setData({ cancelling: redemptionId });
    try {
      await timebank.cancelRedeem({ redemptionId }, { toast: false });
      wx.showToast({ title: '已取消，时长已退回', icon: 'none' });
      await this.load();
    } catch (error) {
      wx.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      this.setData({ cancelling: '' });
    }
  },
});
