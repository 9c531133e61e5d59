import { resources } from '../../../services/index';
import { TOWNS, type Town } from '../../../typings/index';
import type { ValueEvent } from '../../../utils/events';
import { loadPaged, pagedList } from '../../../utils/paged';
import { toWishCard, type WishCard } from '../../wish-view';

const ALL_TOWNS = '全部镇区';
type Order = 'newest' | 'expiring';

/** 微心愿墙: published wishes by town, newest or soonest-expiring first; 我的认领; 公益榜. */
Page({
  ...pagedList,

  data: {
    items: [] as WishCard[],
    loading: false,
    loadingMore: false,
    error: '',
    nextCursor: '',
    towns: [ALL_TOWNS, ...TOWNS],
    town: ALL_TOWNS,
    order: 'newest' as Order,
    mine: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    if (query.mine === '1') this.setData({ mine: true });
  },

  onShow() {
    void this.load();
  },

  load(more = false) {
    const { town, order, mine } = this.data;
    const filter = mine ? { mine: true } : { order, ...(town === ALL_TOWNS ? {} : { town: town as Town }) };
    return loadPaged(
      this,
      (cursor) => resources.wishes({ ...filter, cursor }, { toast: false }),
      (w) => toWishCard(w),
      {
        more,
      },
    );
  },

  onTown(event: ValueEvent<{ value: string }>) {
    this.setData({ town: this.data.towns[Number(event.detail.value)], mine: false });
    void this.load();
  },

  onOrder(event: ValueEvent<unknown, { value: Order }>) {
    this.setData({ order: event.currentTarget.dataset.value, mine: false });
    void this.load();
  },

  onMine() {
    this.setData({ mine: !this.data.mine });
    void this.load();
  },

  onOpen(event: ValueEvent<unknown, { id: string }>) {
    wx.navigateTo({ url: `/resources/pages/wish/index?wishId=${event.currentTarget.dataset.id}` });
  },

  onBoard() {
    wx.navigateTo({ url: '/resources/pages/board/index' });
  },
});
