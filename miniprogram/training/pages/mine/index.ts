import { timebank } from '../../../services/index';
import { hoursOf } from '../../../utils/format';
import { loadPaged } from '../../../utils/paged';
import { loadRecord, recordPage } from '../../../utils/record';
import { toTrainingRow, type TrainingRow } from './view';

/** 我的培训: training hours (kept apart from service) and the trainings attended, newest first. */
Page({
  ...recordPage,

  data: {
    total: '',
    totalLoading: true,
    totalError: '',
    items: [] as TrainingRow[],
    loading: true,
    loadingMore: false,
    error: '',
    nextCursor: '',
  },

  onShow() {
    void this.load(this.data.items.length > 0);
  },

  onPullDownRefresh() {
    void this.load(true).then(() => wx.stopPullDownRefresh());
  },

  onReachBottom() {
    if (!this.data.nextCursor || this.data.loadingMore || this.data.loading) return;
    void loadPaged(this, (cursor) => timebank.trainings({ cursor }, { toast: false }), toTrainingRow, { more: true });
  },

  async load(keep = false) {
    const total = loadRecord(
      this,
      () => timebank.balance({}, { toast: false }),
      (b) => ({ total: hoursOf(b.trainingMinutes) }),
      { keep: !!this.data.total, keys: { loading: 'totalLoading', error: 'totalError' } },
    );
    const list = loadPaged(this, (cursor) => timebank.trainings({ cursor }, { toast: false }), toTrainingRow, {
      keepItems: keep,
    });
    await Promise.all([total, list]);
  },

  onMore() {
    this.onReachBottom();
  },

  onOpen(event: { currentTarget: { dataset: { postId: string } } }) {
    wx.navigateTo({ url: `/pages/post/index?postId=${event.currentTarget.dataset.postId}` });
  },

  onFeed() {
    wx.switchTab({ url: '/pages/feed/index' });
  },
});
