import type { OverviewResponse, Town } from '../../../typings/index';
import { brigades, stats, volunteers } from '../../../services/index';
import { loadRecord, recordPage } from '../../../utils/record';
import { pickTown, toBrigadeRow, toFigures, type BrigadeRow, type FigureView } from './view';

/** 镇区工作台: a coordinator's town — its figures, the needs tools (recipients, surveys, plans) and its brigades. */
Page({
  ...recordPage,

  data: {
    loading: true,
    error: '',
    towns: [] as Town[],
    town: '' as Town | '',
    figures: [] as FigureView[],
    brigades: [] as BrigadeRow[],
    needs: undefined as OverviewResponse['needs'] | undefined,
    training: undefined as OverviewResponse['training'] | undefined,
    /** Qualifications waiting in the town's 资格审核 (a hint: 0 when it cannot be read). */
    pendingQuals: 0,
  },

  asked: '',

  onLoad(query: Record<string, string | undefined>) {
    this.asked = query.town ?? '';
    void this.load();
  },

  onPullDownRefresh() {
    void this.load().then(() => wx.stopPullDownRefresh());
  },

  load() {
    return loadRecord(
      this,
      async () => {
        const towns = this.data.towns.length
          ? this.data.towns
          : ((await volunteers.me({}, { toast: false })).coordinatorTowns ?? []);
        const town = pickTown(towns, this.data.town || this.asked);
        if (!town) {
          return {
            towns,
            town: '' as const,
            figures: [],
            brigades: [],
            needs: undefined,
            training: undefined,
            pendingQuals: 0,
          };
        }
        const [overview, list, queue] = await Promise.all([
          stats.overview({ town }, { toast: false }),
          brigades.list({ town, pageSize: 50 }, { toast: false }),
          volunteers.qualificationQueue({ town, pageSize: 1 }, { toast: false }).catch(() => undefined),
        ]);
        const rows = list.items.map(toBrigadeRow);
        return {
          towns,
          town,
          figures: toFigures(overview),
          brigades: rows,
          needs: overview.needs,
          training: overview.training,
          pendingQuals: queue?.total ?? 0,
        };
      },
      (view) => ({ ...view, error: view.town ? '' : '你还不是镇区协调员，请联系总队任命' }),
      { keep: this.data.figures.length > 0 },
    );
  },

  onTown(event: { currentTarget: { dataset: { town: Town } } }) {
    const { town } = event.currentTarget.dataset;
    if (town === this.data.town) return;
    this.setData({ town });
    void this.load();
  },

  onTool(event: { currentTarget: { dataset: { page: string; open?: string } } }) {
    const { page, open } = event.currentTarget.dataset;
    const query = `town=${encodeURIComponent(this.data.town)}${open ? '&open=1' : ''}`;
    wx.navigateTo({ url: `/coordinator/pages/${page}/index?${query}` });
  },

  onQuals() {
    wx.navigateTo({ url: `/quals/pages/review/index?town=${encodeURIComponent(this.data.town)}` });
  },

  onPledges() {
    wx.navigateTo({ url: `/resources/pages/pledges/index?town=${encodeURIComponent(this.data.town)}` });
  },

  onBrigade(event: { currentTarget: { dataset: { id: string } } }) {
    wx.navigateTo({ url: `/pages/brigade/index?brigadeId=${event.currentTarget.dataset.id}` });
  },
});
