import { TOWNS, type Town } from '../../../typings/index';
import { brigades } from '../../../services/index';
import { toBrigadeCardView, type BrigadeCardView } from '../../../components/brigade-card/view';

/** 总队 · 大队管理: every brigade, by town; open one to appoint leaders, or create a new one. */
Page({
  data: {
    town: '',
    townOptions: [{ text: '全部镇区', value: '' }, ...TOWNS.map((t) => ({ text: t, value: t }))],
    items: [] as BrigadeCardView[],
    loading: true,
    loadingMore: false,
    error: '',
    nextCursor: '',
  },

  onShow() {
    void this.load();
  },

  onPullDownRefresh() {
    void this.load().then(() => wx.stopPullDownRefresh());
  },

  onReachBottom() {
    if (this.data.nextCursor && !this.data.loadingMore) void this.load(true);
  },

  async load(more = false) {
    const { town, nextCursor } = this.data;
    this.setData(more ? { loadingMore: true } : { loading: !this.data.items.length, error: '' });
    try {
      const page = await brigades.list(
        {
          pageSize: 30,
          ...(town ? { town: town as Town } : {}),
          ...(more && nextCursor ? { cursor: nextCursor } : {}),
        },
        { toast: false },
      );
      const views = page.items.map(toBrigadeCardView);
      if (more) {
        const at = this.data.items.length;
        const update: Record<string, unknown> = { loadingMore: false, nextCursor: page.nextCursor ?? '' };
        views.forEach((v, i) => (update[`items[${at + i}]`] = v));
        this.setData(update);
      } else {
        this.setData({ loading: false, items: views, nextCursor: page.nextCursor ?? '' });
      }
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : '加载失败，请稍后重试';
      this.setData(more ? { loadingMore: false } : { loading: false, error: message });
    }
  },

  onTown(event: { detail: string }) {
    this.setData({ town: event.detail, items: [] });
    void this.load();
  },

  onRetry() {
    void this.load();
  },

  onOpen(event: { detail: { brigadeId: string } }) {
    wx.navigateTo({ url: `/hq/pages/brigade-form/index?brigadeId=${event.detail.brigadeId}` });
  },

  onCreate() {
    wx.navigateTo({ url: '/hq/pages/brigade-form/index' });
  },
});
