import Toast from '@vant/weapp/toast/toast';
import { needs } from '../../../services/index';
import type { NeedsApi } from '../../../typings/api/needs';
import { formatDate } from '../../../utils/time';
import { askReason, loadDetail } from '../../detail';

type Loaded = NeedsApi['recipient']['res'];

function toView(r: Loaded) {
  return {
    displayName: r.displayName,
    closed: r.status === 'closed',
    place: `${r.town} · ${r.community}`,
    categories: r.categories,
    detail: r.detail,
    consent: `${r.consent.by === 'self' ? '本人' : '监护人'}同意 · ${formatDate(r.consent.at)}`,
    closedText: r.closedAt ? `已于 ${formatDate(r.closedAt)} 结案：${r.closeReason ?? ''}` : '',
    plans: r.plans.map((p) => ({
      planId: p.planId,
      title: `${p.brigadeName} 服务计划`,
      value: p.status === 'open' ? '进行中' : '已结束',
    })),
  };
}

/** 服务对象详情: personal data (for those allowed), plans, and 编辑 / 制定服务计划 / 结案. */
Page({
  data: {
    recipientId: '',
    loading: true,
    error: '',
    recipient: null as ReturnType<typeof toView> | null,
    busy: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ recipientId: query.recipientId ?? '' });
  },

  onShow() {
    void this.load();
  },

  onRetry() {
    void this.load();
  },

  load() {
    const recipientId = this.data.recipientId;
    return loadDetail(this, 'recipient', () => needs.recipient({ recipientId }, { toast: false }), toView);
  },

  onEdit() {
    wx.navigateTo({ url: `/coordinator/pages/recipient-form/index?recipientId=${this.data.recipientId}` });
  },

  onPlan() {
    wx.navigateTo({ url: `/coordinator/pages/plan-form/index?recipientId=${this.data.recipientId}` });
  },

  onWish() {
    wx.navigateTo({ url: `/resources/pages/wish-form/index?recipientId=${this.data.recipientId}` });
  },

  onCall() {
    const phone = this.data.recipient?.detail?.phone;
    if (phone) wx.makePhoneCall({ phoneNumber: phone });
  },

  async onClose() {
    const reason = await askReason('结案（退出项目）', '请填写原因，如：随子女迁往外地', '结案');
    if (!reason) return;
    this.setData({ busy: true });
    try {
      await needs.closeRecipient({ recipientId: this.data.recipientId, reason });
      Toast({ type: 'success', message: '已结案，个人信息已删除', duration: 2000 });
      await this.load();
    } catch {
      // the client showed the message
    }
    this.setData({ busy: false });
  },
});
