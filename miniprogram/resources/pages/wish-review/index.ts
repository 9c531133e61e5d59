import Toast from '@vant/weapp/toast/toast';
import { messageOf, resources } from '../../../services/index';
import type { Wish } from '../../../typings/resources';
import type { ValueEvent } from '../../../utils/events';
import { loadPaged, pagedList } from '../../../utils/paged';
import { toWishCard } from '../../wish-view';

const toReviewCard = (w: Wish) => ({ ...toWishCard(w), description: w.description, postedBy: w.postedBy });
type ReviewCard = ReturnType<typeof toReviewCard>;

function askReason(): Promise<string | undefined> {
  return new Promise((resolve) => {
    wx.showModal({
      title: '不通过',
      editable: true,
      placeholderText: '请填写原因，如：请写明尺寸',
      confirmText: '不通过',
      success: (res) => {
        const reason = res.confirm ? (res.content ?? '').trim() : '';
        if (res.confirm && !reason) Toast({ message: '请填写原因', duration: 2000 });
        resolve(reason || undefined);
      },
      fail: () => resolve(undefined),
    });
  });
}

/** 心愿审核 (hq): wishes waiting for review, oldest change last; 通过 puts one on the wall, 不通过 needs a reason. */
Page({
  ...pagedList,

  data: {
    items: [] as ReviewCard[],
    loading: false,
    loadingMore: false,
    error: '',
    nextCursor: '',
    busy: '',
  },

  onShow() {
    void this.load();
  },

  load(more = false) {
    return loadPaged(
      this,
      (cursor) => resources.wishes({ status: 'pending', cursor }, { toast: false }),
      toReviewCard,
      {
        more,
      },
    );
  },

  onApprove(event: ValueEvent<unknown, { id: string }>) {
    void this.review(event.currentTarget.dataset.id, true);
  },

  async onReject(event: ValueEvent<unknown, { id: string }>) {
    const id = event.currentTarget.dataset.id;
    const reason = await askReason();
    if (reason) await this.review(id, false, reason);
  },

  async review(wishId: string, approve: boolean, reason?: string) {
    if (this.data.busy) return;
    this.setData({ busy: wishId });
    try {
      await resources.reviewWish({ wishId, approve, ...(reason ? { reason } : {}) }, { toast: false });
      Toast({ type: 'success', message: approve ? '已通过，心愿已上墙' : '已退回发布人修改', duration: 2000 });
      await this.load();
    } catch (error) {
      Toast({ message: messageOf(error), duration: 3000 });
    }
    this.setData({ busy: '' });
  },
});
