import { TOWNS, type Town } from '../../typings/index';
import { brigades } from '../../services/index';
import { toBrigadeCardView, type BrigadeCardView } from '../../components/brigade-card/view';
import { loadPaged, pagedList } from '../../utils/paged';

const PAGE_SIZE = 20;

/** 大队 tab: every brigade (filter by town) or 我的大队. */
Page({
  ...pagedList,

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

  load(more = false) {
    const { tab, town } = this.data;
    const filters = tab === 'mine' ? { mine: true } : town ? { town: town as Town } : {};
    return loadPaged(
      this,
      (cursor) => brigades.list({ pageSize: PAGE_SIZE, ...filters, ...(cursor ? { cursor } : {}) }, { toast: false }),
      toBrigadeCardView,
      { more },
    );
  },

  onTab(event: { detail: { name: 'all' | 'mine' } }) {
    this.setData({ tab: event.detail.name });
    void this.load();
  },

  onTown(event: { detail: string }) {
    this.setData({ town: event.detail });
    void this.load();
  },

  onOpen(event: { detail: { brigadeId: string } }) {
    wx.navigateTo({ url: `/pages/brigade/index?brigadeId=${event.detail.brigadeId}` });
  },
});
