import Toast from '@vant/weapp/toast/toast';
import type { Member, MembershipStatus } from '../../../typings/index';
import { brigades } from '../../../services/index';
import { formatDay } from '../../../utils/time';
import { loadPaged, pagedList } from '../../../utils/paged';

interface MemberView {
  volunteerId: string;
  name: string;
  cardNo: string;
  mobile: string;
  /** The server sends the full number only to the brigade's leaders: then it can be called. */
  callable: boolean;
  joined: string;
}

const toMemberView = (m: Member): MemberView => ({
  volunteerId: m.volunteerId,
  name: m.name,
  cardNo: m.cardNo,
  mobile: m.mobile,
  callable: /^1\d{10}$/.test(m.mobile),
  joined: formatDay(m.joinedAt),
});

const PAGE_SIZE = 30;

/** 成员管理: pending applications to approve or reject, and the active members (tap a number to call). */
Page({
  ...pagedList,

  data: {
    brigadeId: '',
    brigadeName: '',
    tab: 'pending' as MembershipStatus,
    items: [] as MemberView[],
    loading: false,
    error: '',
    nextCursor: '',
    loadingMore: false,
    /** volunteerId being reviewed right now. */
    reviewing: '',
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ brigadeId: query.brigadeId ?? '' });
  },

  onBrigade(event: { detail: { brigadeId: string; name: string } }) {
    this.setData({ brigadeId: event.detail.brigadeId, brigadeName: event.detail.name });
    void this.load();
  },

  async load(more = false) {
    const { brigadeId, tab } = this.data;
    if (!brigadeId) return;
    await loadPaged(
      this,
      (cursor) =>
        brigades.members(
          { brigadeId, status: tab, pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
          { toast: false },
        ),
      toMemberView,
      { more },
    );
  },

  onTab(event: { currentTarget: { dataset: { name: MembershipStatus } } }) {
    if (event.currentTarget.dataset.name === this.data.tab) return;
    this.setData({ tab: event.currentTarget.dataset.name });
    void this.load();
  },

  async review(volunteerId: string, approve: boolean) {
    if (this.data.reviewing) return;
    this.setData({ reviewing: volunteerId });
    try {
      await brigades.review({ brigadeId: this.data.brigadeId, volunteerId, approve });
      this.setData({ reviewing: '', items: this.data.items.filter((m) => m.volunteerId !== volunteerId) });
      Toast({ type: 'success', message: approve ? '已通过，对方成为正式队员' : '已拒绝该申请' });
    } catch {
      this.setData({ reviewing: '' });
    }
  },

  onApprove(event: { currentTarget: { dataset: { id: string } } }) {
    void this.review(event.currentTarget.dataset.id, true);
  },

  onReject(event: { currentTarget: { dataset: { id: string; name: string } } }) {
    const { id, name } = event.currentTarget.dataset;
    wx.showModal({
      title: '拒绝入队申请',
      content: `确定拒绝 ${name} 的入队申请吗？`,
      confirmText: '拒绝',
      confirmColor: '#ee0a24',
      success: (res) => {
        if (res.confirm) void this.review(id, false);
      },
    });
  },

  onCall(event: { currentTarget: { dataset: { mobile: string } } }) {
    wx.makePhoneCall({ phoneNumber: event.currentTarget.dataset.mobile });
  },

  onTool(event: { currentTarget: { dataset: { page: string } } }) {
    wx.navigateTo({ url: `/leader/pages/${event.currentTarget.dataset.page}/index?brigadeId=${this.data.brigadeId}` });
  },
});
