/** What 大队数据 shows for one brigade reply: headline figures, the month chart and the categories ranked. */
import type { BrigadeStatsResponse } from '../../../typings/index';
import type { BarItem } from '../../../components/bar-chart/options';
import { hoursText, monthBars, percentText, ranking, type RankRow } from '../../../utils/stats-view';

export interface Figure {
  id: string;
  label: string;
  value: string;
}

export interface BrigadeStatsView {
  name: string;
  hours: string;
  service: Figure[];
  figures: Figure[];
  chart: BarItem[];
  categories: RankRow[];
  /** The 招募来源 card's figures. */
  sources?: BrigadeStatsResponse['sources'];
  /** The 培训与资格 card's figures. */
  training?: BrigadeStatsResponse['training'];
}

export function toBrigadeStatsView(
  stats: BrigadeStatsResponse,
  range: { from?: number; to?: number },
  now: number,
): BrigadeStatsView {
  return {
    name: stats.name,
    hours: hoursText(stats.minutes),
    service: [
      { id: 'sessions', label: '服务人次', value: String(stats.sessions) },
      { id: 'people', label: '受益人数', value: String(stats.peopleServed) },
      { id: 'no-show', label: '缺席率', value: percentText(stats.noShowRate) },
    ],
    figures: [
      { id: 'members', label: '在队队员', value: String(stats.members) },
      { id: 'posts', label: '招募活动', value: String(stats.posts) },
      { id: 'no-shows', label: '缺席人次', value: String(stats.noShows) },
    ],
    chart: monthBars(stats.byMonth, range, now),
    categories: ranking(stats.byCategory, (c) => ({ key: c.category, name: c.category, note: `${c.posts} 场活动` })),
    training: stats.training,
    sources: stats.sources,
  };
}
