import { messageOf, stats } from '../../../services/index';
import { PERIODS, monthKey, periodRange, type PeriodKey } from '../../../utils/stats-view';
import { toBrigadeStatsView, type BrigadeStatsView } from './view';
import { periodFilter } from '../../../utils/period-filter';

const EMPTY_VIEW: BrigadeStatsView = { name: '', hours: '0.0', service: [], figures: [], chart: [], categories: [] };

/** 大队数据 (leader): one brigade's figures for a period, hours by month and service categories ranked. */
Page({
  ...periodFilter,

  data: {
    brigadeId: '',
    periods: PERIODS,
    period: 'all' as PeriodKey,
    customFrom: '',
    customTo: '',
    thisMonth: '',
    loading: true,
    refreshing: false,
    error: '',
    view: EMPTY_VIEW,
  },

  /** Bumped by every load, so a slow old answer never overwrites a newer one. */
  generation: 0,
  loaded: false,

  onLoad(query: Record<string, string | undefined>) {
    this.generation = 0;
    this.loaded = false;
    const brigadeId = query.brigadeId ?? '';
    const thisMonth = monthKey(Date.now());
    this.setData({ brigadeId, thisMonth, customFrom: `${thisMonth.slice(0, 4)}-01`, customTo: thisMonth });
    if (!brigadeId) {
      this.setData({ loading: false, error: '缺少大队信息，请从大队页进入' });
      return;
    }
    void this.load();
  },

  onPullDownRefresh() {
    void this.load().then(() => wx.stopPullDownRefresh());
  },

  async load() {
    const generation = ++this.generation;
    const { period, customFrom, customTo } = this.data;
    const range = periodRange(period, Date.now(), { from: customFrom, to: customTo });
    this.setData({ loading: !this.loaded, refreshing: this.loaded, error: '' });
    try {
      const reply = await stats.brigade({ brigadeId: this.data.brigadeId, ...range }, { toast: false });
      if (generation !== this.generation) return;
      this.loaded = true;
      this.setData({ loading: false, refreshing: false, view: toBrigadeStatsView(reply, range, Date.now()) });
    } catch (error) {
      if (generation !== this.generation) return;
      this.loaded = false;
      this.setData({ loading: false, refreshing: false, error: messageOf(error) });
    }
  },

  onRetry() {
    void this.load();
  },
});
