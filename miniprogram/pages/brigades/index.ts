import { TOWNS, type Town } from '../../typings/index';
import { brigades } from '../../services/index';
import { toBrigadeCardView, type BrigadeCardView } from '../../components/brigade-card/view';

const PAGE_SIZE = 20;

/** 大队 tab: every brigade (filter by town) or 我的大队. */
Page({
  data: {
    tab: 'all' as 'all' | 'mine',
    town: '',
    townOptions: [{ text: '全部镇区', value: '' }, ...TOWNS.map((t) => ({ text: t, value: t }))],
    items: [] as BrigadeCardView[],
    loading: true,
    loadingMore: false,
    error: '',
    nextCursor: '',
  },

  onLoad() {
    void this.load();
  },

  onPullDownRefresh() {
    void this.load().then(() => wx.stopPullDownRefresh());
  },

  onReachBottom() {
    if (this.data.nextCursor && !this.data.loadingMore) void this.load(true);
  },

  async load(more = false) {
    const { tab, town, nextCursor } = this.data;
    this.setData(more ? { loadingMore: true } : { loading: true, error: '', items: [], nextCursor: '' });
    try {
      const page = await brigades.list(
        {
          pageSize: PAGE_SIZE,
          ...(tab === 'mine' ? { mine: true } : town ? { town: town as Town } : {}),
          ...(more && nextCursor ? { cursor: nextCursor } : {}),
        },
        { toast: false },
      );
      const views = page.items.map(toBrigadeCardView);
      if (more) {
        // Append only the new rows: setData stays small however long the list grows.
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
      if (more) wx.showToast({ title: message, icon: 'none' });
    }
  },

  onTab(event: { detail: { name: 'all' | 'mine' } }) {
    this.setData({ tab: event.detail.name });
    void this.load();
  },

  onTown(event: { detail: string }) {
    this.setData({ town: event.detail });
    void this.load();
  },

  onRetry() {
    void this.load();
  },

  onOpen(event: { detail: { brigadeId: string } }) {
    wx.navigateTo({ url: `/pages/brigade/index?brigadeId=${event.detail.brigadeId}` });
  },
});
