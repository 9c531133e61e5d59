import Toast from '@vant/weapp/toast/toast';
import { needs, timebank } from '../../../services/index';
import type { Survey } from '../../../typings/needs';
import { needTitle, slotsText } from '../../../utils/needs-view';
import { hoursOf } from '../../../utils/format';
import { formatDate } from '../../../utils/time';
import { askReason, loadDetail } from '../../detail';

const STATUS_TEXT = { submitted: '待处理', converted: '已建档', dismissed: '不予受理' };
const REDEMPTION_TEXT = { open: '时长冻结中', delivered: '服务已完成', cancelled: '已取消，时长已退回' };

/** A need opened by a volunteer's time-bank redemption: its hours and where it stands. */
const redemptionOf = (s: Survey) =>
  s.redemption
    ? {
        redemptionId: s.redemption.redemptionId,
        hours: `${hoursOf(s.redemption.minutes)} 小时`,
        statusText: REDEMPTION_TEXT[s.redemption.status],
        open: s.redemption.status === 'open',
      }
    : null;

function toView(s: Survey) {
  return {
    status: s.status,
    statusText: STATUS_TEXT[s.status],
    place: `${s.town} · ${s.community}`,
    household: s.household,
    members: s.members.map((m) => ({
      title: `${m.relation}${m.age !== undefined ? `，${m.age} 岁` : ''}`,
      situation: m.situation,
    })),
    needs: s.needs.map((n) => ({ title: needTitle(n), when: slotsText(n.slots), note: n.note ?? '' })),
    meta: `${s.redemption ? '兑换人' : '调查人'} ${s.surveyor.name} · ${formatDate(s.surveyedAt)} · ${s.consent.by === 'self' ? '本人' : '监护人'}同意`,
    recipientId: s.recipientId ?? '',
    redemption: redemptionOf(s),
  };
}

/**
 * 需求调查详情: the coordinator reviews a household and turns it into a recipient, or dismisses it. A need from a
 * time-bank redemption also shows its hours; once arranged, the coordinator confirms the help was given (the hours
 * are spent) or cancels it with a reason (they go back). Dismissing it cancels it too.
 */
Page({
  data: {
    surveyId: '',
    loading: true,
    error: '',
    survey: null as ReturnType<typeof toView> | null,
    busy: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ surveyId: query.surveyId ?? '' });
  },

  onShow() {
    void this.load();
  },

  onRetry() {
    void this.load();
  },

  load() {
    const surveyId = this.data.surveyId;
    return loadDetail(this, 'survey', () => needs.survey({ surveyId }, { toast: false }), toView);
  },

  onConvert() {
    wx.navigateTo({ url: `/coordinator/pages/recipient-form/index?surveyId=${this.data.surveyId}` });
  },

  onOpenRecipient() {
    const recipientId = this.data.survey?.recipientId;
    if (recipientId) wx.navigateTo({ url: `/coordinator/pages/recipient/index?recipientId=${recipientId}` });
  },

  async onDismiss() {
    const reason = await askReason('不予受理', '请填写原因，如：不在服务范围', '不予受理');
    if (!reason) return;
    this.setData({ busy: true });
    try {
      await needs.dismissSurvey({ surveyId: this.data.surveyId, reason });
      Toast({ type: 'success', message: '已不予受理', duration: 1500 });
      await this.load();
    } catch {
      // the client showed the message
    }
    this.setData({ busy: false });
  },

  async onDelivered() {
    const redemption = this.data.survey?.redemption;
    if (!redemption || this.data.busy) return;
    this.setData({ busy: true });
    try {
      await timebank.deliverRedemption({ redemptionId: redemption.redemptionId });
      Toast({ type: 'success', message: '已确认完成', duration: 1500 });
      await this.load();
    } catch {
      // the client showed the message
    }
    this.setData({ busy: false });
  },

  async onCancelRedemption() {
    const redemption = this.data.survey?.redemption;
    if (!redemption || this.data.busy) return;
    const reason = await askReason('取消兑换', '请填写原因，时长将退回给义工', '取消兑换');
    if (!reason) return;
    this.setData({ busy: true });
    try {
      await timebank.cancelRedeem({ redemptionId: redemption.redemptionId, reason });
      Toast({ type: 'success', message: '已取消，时长已退回', duration: 1500 });
      await this.load();
    } catch {
      // the client showed the message
    }
    this.setData({ busy: false });
  },
});
