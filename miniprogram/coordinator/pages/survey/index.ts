import Toast from '@vant/weapp/toast/toast';
import { needs } from '../../../services/index';
import type { Survey } from '../../../typings/needs';
import { needTitle, slotsText } from '../../../utils/needs-view';
import { formatDate } from '../../../utils/time';
import { askReason, loadDetail } from '../../detail';

const STATUS_TEXT = { submitted: '待处理', converted: '已建档', dismissed: '不予受理' };

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
    meta: `调查人 ${s.surveyor.name} · ${formatDate(s.surveyedAt)} · ${s.consent.by === 'self' ? '本人' : '监护人'}同意`,
    recipientId: s.recipientId ?? '',
  };
}

/** 需求调查详情: the coordinator reviews a household and turns it into a recipient, or dismisses it. */
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
});
