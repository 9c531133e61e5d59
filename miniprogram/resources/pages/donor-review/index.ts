import Toast from '@vant/weapp/toast/toast';
import { messageOf, resources } from '../../../services/index';
import type { DonorStatus } from '../../../typings/resources';
import type { ValueEvent } from '../../../utils/events';
import { loadPaged, pagedList } from '../../../utils/paged';
import { toDonorView, type DonorView } from '../../giving-view';

const TABS: { value: DonorStatus; label: string }[] = [
  { value: 'pending', label: '待审核' },
  { value: 'verified', label: '已通过' },
  { value: 'rejected', label: '未通过' },
];

/** 爱心企业审核 (hq): donors by status, in full; 通过, or 不通过 with a reason the donor reads. */
Page({
  ...pagedList,

  data: {
    tabs: TABS,
    tab: 'pending' as DonorStatus,
    items: [] as DonorView[],
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
    const status = this.data.tab;
    return loadPaged(this, (cursor) => resources.donors({ status, cursor }, { toast: false }), toDonorView, { more });
  },

  onTab(event: ValueEvent<unknown, { value: DonorStatus }>) {
    const tab = event.currentTarget.dataset.value;
    if (tab === this.data.tab) return;
    this.setData({ tab });
    void this.load();
  },

  onApprove(event: ValueEvent<unknown, { id: string }>) {
    void this.review(event.currentTarget.dataset.id, true);
  },

  onReject(event: ValueEvent<unknown, { id: string }>) {
    const id = event.currentTarget.dataset.id;
    wx.showModal({
      title: '不通过',
      editable: true,
      placeholderText: '请填写原因，企业会看到',
      confirmText: '不通过',
      success: (res) => {
        const reason = (res.content ?? '').trim();
        if (!res.confirm) return;
        if (!reason) Toast({ type: 'fail', message: '请填写不通过的原因' });
        else void this.review(id, false, reason);
      },
    });
  },

  async review(donorId: string, approve: boolean, reason = '') {
    if (this.data.busy) return;
    this.setData({ busy: donorId });
    try {
      await resources.reviewDonor({ donorId, approve, ...(reason ? { reason } : {}) }, { toast: false });
      Toast({ type: 'success', message: approve ? '已通过' : '已退回' });
      await this.load();
    } catch (error) {
      Toast({ type: 'fail', message: messageOf(error) });
    }
    this.setData({ busy: '' });
  },
});
