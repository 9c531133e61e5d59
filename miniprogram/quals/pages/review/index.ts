import Toast from '@vant/weapp/toast/toast';
import { messageOf, volunteers } from '../../../services/index';
import type { QualificationQueueRequest, Town } from '../../../typings/index';
import type { ValueEvent } from '../../../utils/events';
import { loadPaged, pagedList } from '../../../utils/paged';
import { toQueueView, type QueueView } from '../../view';

type ItemEvent = ValueEvent<unknown, { id: string; volunteer: string }>;

/**
 * 资格审核: the pending qualifications of one brigade (大队工作台, `?brigadeId=`), one town (镇区工作台, `?town=`) or
 * the whole city (总队), oldest first, each with its certificate photo (tap to enlarge), 通过 or 驳回 with a reason.
 */
Page({
  ...pagedList,

  data: {
    items: [] as QueueView[],
    loading: false,
    loadingMore: false,
    error: '',
    nextCursor: '',
    total: 0,
    scope: '',
    busy: '',
  },

  scope: {} as QualificationQueueRequest,

  onLoad(query: Record<string, string | undefined>) {
    const town = query.town ? (decodeURIComponent(query.town) as Town) : undefined;
    this.scope = query.brigadeId ? { brigadeId: query.brigadeId } : town ? { town } : {};
    this.setData({ scope: query.brigadeId ? '本大队' : town ? town : '全市' });
  },

  onShow() {
    void this.load();
  },

  async load(more = false) {
    await loadPaged(
      this,
      async (cursor) => {
        const page = await volunteers.qualificationQueue({ ...this.scope, cursor }, { toast: false });
        if (!cursor) this.setData({ total: page.total ?? page.items.length });
        return page;
      },
      toQueueView,
      { more },
    );
  },

  onPreview(event: ValueEvent<unknown, { url: string }>) {
    const url = event.currentTarget.dataset.url;
    if (url) wx.previewImage({ urls: [url], current: url });
  },

  onApprove(event: ItemEvent) {
    const { id, volunteer } = event.currentTarget.dataset;
    const item = this.data.items.find((q) => q.qualificationId === id);
    wx.showModal({
      title: '通过认证',
      content: `确认${item ? `「${item.type}」` : '该'}证书真实有效？通过后将显示在义工证上，并可报名需要该资格的服务。`,
      confirmText: '通过',
      success: (res) => {
        if (res.confirm) void this.review(id, volunteer, true);
      },
    });
  },

  onReject(event: ItemEvent) {
    const { id, volunteer } = event.currentTarget.dataset;
    wx.showModal({
      title: '驳回资格证书',
      editable: true,
      placeholderText: '请填写原因，如：照片不清晰',
      confirmText: '驳回',
      success: (res) => {
        if (!res.confirm) return;
        const reason = (res.content ?? '').trim();
        if (!reason) {
          Toast({ type: 'fail', message: '请填写驳回原因' });
          return;
        }
        void this.review(id, volunteer, false, reason);
      },
    });
  },

  async review(qualificationId: string, volunteerId: string, approve: boolean, reason = '') {
    if (this.data.busy) return;
    this.setData({ busy: qualificationId });
    try {
      await volunteers.reviewQualification(
        { volunteerId, qualificationId, approve, ...(reason ? { reason } : {}) },
        { toast: false },
      );
      Toast({ type: 'success', message: approve ? '已认证' : '已驳回' });
    } catch (error) {
      Toast({ type: 'fail', message: messageOf(error), duration: 3000 });
    }
    this.setData({ busy: '' });
    await this.load();
  },
});
