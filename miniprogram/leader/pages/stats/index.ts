import { stats } from '../../../services/index';
import { recordPage, showLoadError } from '../../../utils/record';
import { PERIODS, monthKey, periodRange, type PeriodKey } from '../../../utils/stats-view';
import { toBrigadeStatsView, type BrigadeStatsView } from './view';
import { loadFigures, periodFilter } from '../../../utils/period-filter';

const EMPTY_VIEW: BrigadeStatsView = { name: '', hours: '0.0', service: [], figures: [], chart: [], categories: [] };

/** 大队数据 (leader): one brigade's figures for a period, hours by month and service categories ranked. */
Page({
  ...periodFilter,
  ...recordPage,

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

  onLoad(query: Record<string, string | undefined>) {
    const brigadeId = query.brigadeId ?? '';
    const thisMonth = monthKey(Date.now());
    this.setData({ brigadeId, thisMonth, customFrom: `${thisMonth.slice(0, 4)}-01`, customTo: thisMonth });
    if (!brigadeId) {
      showLoadError(this, '缺少大队信息，请从大队页进入');
      return;
    }
    void this.load();
  },

  onPullDownRefresh() {
    void this.load().then(() => wx.stopPullDownRefresh());
  },

  /** The figures for the current filters (see loadFigures). */
  load() {
    const { period, customFrom, customTo } = this.data;
    const range = periodRange(period, Date.now(), { from: customFrom, to: customTo });
    return loadFigures(
      this,
      () => stats.brigade({ brigadeId: this.data.brigadeId, ...range }, { toast: false }),
      (reply) => toBrigadeStatsView(reply, range, Date.now()),
    );
  },
});
