import { needs } from '../../../services/index';
import { RECIPIENT_CATEGORIES, type RecipientCategory } from '../../../typings/index';
import type { Recipient } from '../../../typings/needs';
import type { ValueEvent } from '../../../utils/events';
import { loadPaged, pagedList } from '../../../utils/paged';

interface RecipientRow {
  recipientId: string;
  title: string;
  label: string;
}

const toRow = (r: Recipient): RecipientRow => ({
  recipientId: r.recipientId,
  title: r.detail ? `${r.displayName}（${r.detail.name}）` : r.displayName,
  label: `${r.community} · ${r.categories.join('、')}`,
});

/** 服务对象: the town's (or the brigade's) recipients, filtered by category. */
Page({
  ...pagedList,

  data: {
    brigadeId: '',
    category: '' as RecipientCategory | '',
    categories: ['', ...RECIPIENT_CATEGORIES],
    items: [] as RecipientRow[],
    loading: false,
    loadingMore: false,
    error: '',
    nextCursor: '',
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ brigadeId: query.brigadeId ?? '' });
  },

  onShow() {
    void this.load();
  },

  onCategory(event: ValueEvent<unknown, { value: RecipientCategory | '' }>) {
    this.setData({ category: event.currentTarget.dataset.value });
    void this.load();
  },

  onCreate() {
    const query = this.data.brigadeId ? `?brigadeId=${this.data.brigadeId}` : '';
    wx.navigateTo({ url: `/coordinator/pages/recipient-form/index${query}` });
  },

  async load(more = false) {
    const { brigadeId, category } = this.data;
    const request = { ...(brigadeId ? { brigadeId } : {}), ...(category ? { category } : {}) };
    await loadPaged(this, (cursor) => needs.recipients({ ...request, cursor }, { toast: false }), toRow, { more });
  },
});
