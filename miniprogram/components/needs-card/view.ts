/** What the 供需配对 card shows for the needs figures of an overview reply. */
import type { OverviewResponse } from '../../typings/index';
import { percentText } from '../../utils/stats-view';

export interface NeedsFigureView {
  id: string;
  label: string;
  value: string;
}

export interface NeedsCardView {
  figures: NeedsFigureView[];
  /** Days from the survey to the first pair, or nothing before the first one. */
  firstVisit: string;
  /** 独居老人 2 · 残疾人 1 */
  categories: string;
  towns: { town: string; meta: string }[];
}

type Needs = OverviewResponse['needs'];

export function toNeedsCard(n: Needs): NeedsCardView {
  return {
    figures: [
      { id: 'recipients', label: '在册服务对象', value: String(n.recipients) },
      { id: 'surveyed', label: '调查户数', value: String(n.surveyed) },
      { id: 'open-plans', label: '进行中计划', value: String(n.plansOpen) },
      { id: 'closed-plans', label: '已结案计划', value: String(n.plansClosed) },
      { id: 'covered', label: '已落实服务', value: String(n.servicesCovered) },
      { id: 'open', label: '待落实服务', value: String(n.servicesOpen) },
    ],
    firstVisit: n.medianDaysToFirstVisit === undefined ? '' : `${n.medianDaysToFirstVisit} 天（中位数）`,
    categories: n.byCategory.map((c) => `${c.category} ${c.recipients}`).join(' · '),
    towns: n.byTown.map((t) => ({
      town: t.town,
      meta: `服务对象 ${t.recipients} · 计划 ${t.plansOpen} · 待落实 ${t.servicesOpen}`,
    })),
  };
}

/** 结对义工探访占比, or nothing before the first visit note. */
export const continuityText = (n: Needs) => (n.continuity === undefined ? '' : percentText(n.continuity));
