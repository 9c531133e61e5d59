import { needs } from '../../../services/index';
import type { Survey, SurveyStatus } from '../../../typings/needs';
import type { ValueEvent } from '../../../utils/events';
import { loadPaged, pagedList } from '../../../utils/paged';
import { hoursOf } from '../../../utils/format';
import { formatDay } from '../../../utils/time';

interface SurveyRow {
  surveyId: string;
  title: string;
  label: string;
  /** `时间银行兑换 1.0 小时` for a need a volunteer opened with banked hours; empty otherwise. */
  redemption: string;
}

const toRow = (s: Survey): SurveyRow => ({
  surveyId: s.surveyId,
  title: `${s.community} · ${s.household?.contactName ?? '住户'}`,
  label: s.redemption
    ? `${s.needs[0]?.category ?? ''} · 兑换人 ${s.surveyor.name} · ${formatDay(s.surveyedAt)}`
    : `${s.needs.length} 项需求 · 调查人 ${s.surveyor.name} · ${formatDay(s.surveyedAt)}`,
  redemption: s.redemption ? `时间银行兑换 ${hoursOf(s.redemption.minutes)} 小时` : '',
});

/** 需求调查: the town's surveys by status, each opening its review. */
Page({
  ...pagedList,

  data: {
    tab: 'submitted' as SurveyStatus,
    tabs: [
      { value: 'submitted', label: '待处理' },
      { value: 'converted', label: '已建档' },
      { value: 'dismissed', label: '不予受理' },
    ],
    items: [] as SurveyRow[],
    loading: false,
    loadingMore: false,
    error: '',
    nextCursor: '',
  },

  onShow() {
    void this.load();
  },

  onTab(event: ValueEvent<unknown, { value: SurveyStatus }>) {
    this.setData({ tab: event.currentTarget.dataset.value });
    void this.load();
  },

  async load(more = false) {
    const status = this.data.tab;
    await loadPaged(this, (cursor) => needs.surveys({ status, cursor }, { toast: false }), toRow, { more });
  },
});
