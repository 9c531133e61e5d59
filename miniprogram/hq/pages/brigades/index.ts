import { TOWNS, type Town } from '../../../typings/index';
import { brigades } from '../../../services/index';
import { toBrigadeCardView, type BrigadeCardView } from '../../../components/brigade-card/view';
import { loadPaged, pagedList } from '../../../utils/paged';

/** 总队 · 大队管理: every brigade, by town; open one to appoint leaders, or create a new one. */
Page({
  ...pagedList,

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

  load(more = false) {
    const { town } = this.data;
    return loadPaged(
      this,
      (cursor) =>
        brigades.list(
          { pageSize: 30, ...(town ? { town: town as Town } : {}), ...(cursor ? { cursor } : {}) },
          { toast: false },
        ),
      toBrigadeCardView,
      { more, keepItems: true },
    );
  },

  onTown(event: { detail: string }) {
    this.setData({ town: event.detail, items: [] });
    void this.load();
  },

  onOpen(event: { detail: { brigadeId: string } }) {
    wx.navigateTo({ url: `/hq/pages/brigade-form/index?brigadeId=${event.detail.brigadeId}` });
  },

  onCreate() {
    wx.navigateTo({ url: '/hq/pages/brigade-form/index' });
  },
});
