import { needs } from '../../../services/index';
import type { Survey, SurveyStatus } from '../../../typings/needs';
import type { ValueEvent } from '../../../utils/events';
import { loadPaged, pagedList } from '../../../utils/paged';
import { formatDay } from '../../../utils/time';

interface SurveyRow {
  surveyId: string;
  title: string;
  label: string;
}

const toRow = (s: Survey): SurveyRow => ({
  surveyId: s.surveyId,
  title: `${s.community} · ${s.household?.contactName ?? '住户'}`,
  label: `${s.needs.length} 项需求 · 调查人 ${s.surveyor.name} · ${formatDay(s.surveyedAt)}`,
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
