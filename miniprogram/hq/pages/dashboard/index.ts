import Toast from '@vant/weapp/toast/toast';
import { TOWNS, type OverviewRequest } from '../../../typings/index';
import { messageOf, stats } from '../../../services/index';
import { PERIODS, monthKey, periodRange, type PeriodKey } from '../../../utils/stats-view';
import { copyCsv, shareCsvFile, writeCsvFile } from './export-file';
import { toDashboardView, type DashboardView } from './view';
import { loadFigures, periodFilter } from '../../../utils/period-filter';
import { recordPage } from '../../../utils/record';

/** Rankings show this many rows until 查看全部. */
const TOP = 10;

const EMPTY_VIEW: DashboardView = {
  hours: '0.0',
  service: [],
  figures: [],
  chart: [],
  towns: [],
  brigades: [],
  wishes: [],
};

/** 总队数据: the city's figures for a period and town, hours by month, towns and brigades ranked; CSV export. */
Page({
  ...periodFilter,
  ...recordPage,

  data: {
    periods: PERIODS,
    period: 'all' as PeriodKey,
    customFrom: '',
    customTo: '',
    thisMonth: '',
    town: '',
    townOptions: [{ text: '全部镇区', value: '' }, ...TOWNS.map((t) => ({ text: t, value: t }))],
    loading: true,
    error: '',
    view: EMPTY_VIEW,
    top: TOP,
    allTowns: false,
    allBrigades: false,
    /** A filter changed: the figures shown are the previous ones until the reply. */
    refreshing: false,
    exporting: false,
    exportSheet: false,
    exportActions: [
      { name: '发送到微信聊天', subname: '在电脑微信中用 Excel 打开', value: 'share' },
      { name: '复制表格内容', subname: '粘贴到表格或文档', value: 'copy' },
    ],
  },

  /** The last export, for the action sheet. */
  exported: null as { csv: string; fileName: string; filePath: string } | null,

  onLoad() {
    // Instance fields are set here: not every runtime copies non-function Page options onto the instance.
    this.exported = null;
    const thisMonth = monthKey(Date.now());
    this.setData({ thisMonth, customFrom: `${thisMonth.slice(0, 4)}-01`, customTo: thisMonth });
    void this.load();
  },

  onPullDownRefresh() {
    void this.load().then(() => wx.stopPullDownRefresh());
  },

  request(): OverviewRequest {
    const { period, customFrom, customTo, town } = this.data;
    return { ...periodRange(period, Date.now(), { from: customFrom, to: customTo }), ...(town ? { town } : {}) };
  },

  /** The figures for the current filters (see loadFigures). */
  load() {
    const request = this.request();
    return loadFigures(
      this,
      () => stats.overview(request, { toast: false }),
      (overview) => toDashboardView(overview, request, Date.now()),
    );
  },

  onTown(event: { detail: unknown }) {
    this.setData({ town: typeof event.detail === 'string' ? event.detail : '' });
    void this.load();
  },

  onToggleTowns() {
    this.setData({ allTowns: !this.data.allTowns });
  },

  onToggleBrigades() {
    this.setData({ allBrigades: !this.data.allBrigades });
  },

  onOpenBrigade(event: { currentTarget: { dataset: { id: string } } }) {
    wx.navigateTo({ url: `/hq/pages/brigade-form/index?brigadeId=${event.currentTarget.dataset.id}` });
  },

  /** 导出: the brigade table of the current filters as CSV, then a choice of how to take it out. */
  async onExport() {
    if (this.data.exporting) return;
    this.setData({ exporting: true });
    try {
      const { csv, fileName } = await stats.export(this.request(), { toast: false });
      let filePath = '';
      try {
        filePath = await writeCsvFile(fileName, csv);
      } catch {
        // No file: copying still works.
      }
      this.exported = { csv, fileName, filePath };
      this.setData({ exporting: false, exportSheet: true });
    } catch (error) {
      this.setData({ exporting: false });
      Toast({ type: 'fail', message: messageOf(error) });
    }
  },

  onExportClose() {
    this.setData({ exportSheet: false });
  },

  async onExportSelect(event: { detail: { value: string } }) {
    this.setData({ exportSheet: false });
    if (!this.exported) return;
    const { csv, fileName, filePath } = this.exported;
    try {
      if (event.detail.value === 'share') {
        if (!filePath) throw new Error('无法保存文件，请复制内容');
        await shareCsvFile(filePath, fileName);
      } else {
        await copyCsv(csv);
        Toast({ type: 'success', message: '已复制' });
      }
    } catch (error) {
      const message = messageOf(error, '');
      if (message) Toast({ message });
    }
  },
});
