import { stars, volunteers } from '../../services/index';
import { loadRecord, recordPage } from '../../utils/record';
import { toHonourRow, toStarsView, type HonourRow, type StarsView } from './view';

/** 星级: the level as stars, the progress toward the next level and what is missing, and the honours held. */
Page({
  ...recordPage,

  data: {
    loading: true,
    error: '',
    view: null as StarsView | null,
    honours: [] as HonourRow[],
  },

  onShow() {
    void this.load();
  },

  load() {
    return loadRecord(
      this,
      () => Promise.all([stars.get({}, { toast: false }), volunteers.card({}, { toast: false })]),
      ([level, card]) => ({ view: toStarsView(level), honours: card.honours.map(toHonourRow) }),
      { keep: !!this.data.view },
    );
  },
});
