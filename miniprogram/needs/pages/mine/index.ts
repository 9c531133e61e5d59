import Toast from '@vant/weapp/toast/toast';
import { messageOf, needs } from '../../../services/index';
import type { MineItem } from '../../../typings/api/needs';
import type { ValueEvent } from '../../../utils/events';
import { loadPaged, pagedList } from '../../../utils/paged';
import { askSubscription, prepareSubscription, reportSubscription } from '../../../utils/subscribe';
import { toMineView, type MineView } from '../../view';

type Visit = NonNullable<MineItem['visit']>;
const visits = new Map<string, Visit>();

/** Asks (inside the tap) for the notice template, so the next 结对邀请 reaches the volunteer; quiet on failure. */
function subscribeToNotices(): void {
  void askSubscription(['notice']).then((ids) => reportSubscription({ kind: 'needs' }, ids));
}

/** 我的结对: offers to answer first (接受 / 婉拒), then the pairs served, what a visit needs, ended ones greyed. */
Page({
  ...pagedList,

  data: {
    items: [] as MineView[],
    loading: false,
    loadingMore: false,
    error: '',
    nextCursor: '',
    busy: '',
    sheet: null as Visit | null,
  },

  onLoad() {
    void prepareSubscription();
  },

  onShow() {
    void this.load();
  },

  async load(more = false) {
    const rows = await loadPaged(this, (cursor) => needs.mine({ cursor }, { toast: false }), toMineView, { more });
    for (const row of rows ?? []) if (row.visit) visits.set(row.assignmentId, row.visit);
  },

  onAccept(event: ValueEvent<unknown, { id: string }>) {
    subscribeToNotices();
    void this.respond(event.currentTarget.dataset.id, true);
  },

  onDecline(event: ValueEvent<unknown, { id: string }>) {
    const id = event.currentTarget.dataset.id;
    subscribeToNotices();
    wx.showModal({
      title: '婉拒结对邀请',
      editable: true,
      placeholderText: '原因（选填），如：近期要出差',
      confirmText: '婉拒',
      success: (res) => {
        if (res.confirm) void this.respond(id, false, (res.content ?? '').trim());
      },
    });
  },

  async respond(assignmentId: string, accept: boolean, reason = '') {
    if (this.data.busy) return;
    this.setData({ busy: assignmentId });
    try {
      await needs.respond({ assignmentId, accept, ...(reason ? { reason } : {}) }, { toast: false });
      Toast({ type: 'success', message: accept ? '已接受结对，感谢您' : '已婉拒', duration: 2000 });
      await this.load();
    } catch (error) {
      Toast({ type: 'fail', message: messageOf(error), duration: 3000 });
    }
    this.setData({ busy: '' });
  },

  onVisit(event: ValueEvent<unknown, { id: string }>) {
    this.setData({ sheet: visits.get(event.currentTarget.dataset.id) ?? null });
  },

  onCloseSheet() {
    this.setData({ sheet: null });
  },

  onOpenMap() {
    const visit = this.data.sheet;
    if (visit?.lat === undefined || visit.lng === undefined) return;
    wx.openLocation({ latitude: visit.lat, longitude: visit.lng, name: visit.name, address: visit.address });
  },

  onCall(event: ValueEvent<unknown, { phone: string }>) {
    const phone = event.currentTarget.dataset.phone;
    if (phone) wx.makePhoneCall({ phoneNumber: phone });
  },

  onNextVisit(event: ValueEvent<unknown, { post: string }>) {
    wx.navigateTo({ url: `/pages/post/index?postId=${event.currentTarget.dataset.post}` });
  },
});
