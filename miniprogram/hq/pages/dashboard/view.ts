/** What 总队数据 shows for one overview reply: the headline figures, the month chart and the two rankings. */
import type { OverviewResponse } from '../../../typings/index';
import type { BarItem } from '../../../components/bar-chart/options';
import { hoursText, monthBars, percentText, ranking, type RankRow } from '../../../utils/stats-view';

export interface Figure {
  id: string;
  label: string;
  value: string;
  note: string;
}

export interface DashboardView {
  hours: string;
  /** The three figures under the hours in the headline card. */
  service: Figure[];
  /** The people and activity figures below it. */
  figures: Figure[];
  chart: BarItem[];
  towns: RankRow[];
  brigades: RankRow[];
  /** The 供需配对 card's figures. */
  needs?: OverviewResponse['needs'];
  /** The 招募来源 card's figures. */
  sources?: OverviewResponse['sources'];
  /** The 培训与资格 card's figures. */
  training?: OverviewResponse['training'];
  /** 微心愿 (all time): on the wall, claimed, fulfilled. */
  wishes: Figure[];
}

export function toDashboardView(
  stats: OverviewResponse,
  range: { from?: number; to?: number },
  now: number,
): DashboardView {
  return {
    hours: hoursText(stats.minutes),
    service: [
      { id: 'sessions', label: '服务人次', value: String(stats.sessions), note: '' },
      { id: 'people', label: '受益人数', value: String(stats.peopleServed), note: '' },
      { id: 'no-show', label: '缺席率', value: percentText(stats.noShowRate), note: `${stats.noShows} 人次缺席` },
    ],
    figures: [
      { id: 'volunteers', label: '注册义工', value: String(stats.volunteers), note: '' },
      { id: 'active', label: '活跃义工', value: String(stats.activeVolunteers), note: '近 90 天' },
      { id: 'brigades', label: '大队', value: String(stats.brigades), note: '' },
      { id: 'posts', label: '招募活动', value: String(stats.posts), note: '' },
    ],
    chart: monthBars(stats.byMonth, range, now),
    towns: ranking(stats.byTown, (t) => ({ key: t.town, name: t.town, note: `${t.brigades} 个大队` })),
    brigades: ranking(stats.byBrigade, (b) => ({ key: b.brigadeId, name: b.name, note: b.town })),
    needs: stats.needs,
    training: stats.training,
    sources: stats.sources,
    wishes: stats.wishes
      ? [
          { id: 'wishes-asked', label: '上墙心愿', value: String(stats.wishes.asked), note: '' },
          { id: 'wishes-claimed', label: '已认领', value: String(stats.wishes.claimed), note: '' },
          { id: 'wishes-fulfilled', label: '已圆梦', value: String(stats.wishes.fulfilled), note: '' },
        ]
      : [],
  };
}
