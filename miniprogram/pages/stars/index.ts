import { messageOf, stars, volunteers } from '../../services/index';
import { toHonourRow, toStarsView, type HonourRow, type StarsView } from './view';

/** 星级: the level as stars, the progress toward the next level and what is missing, and the honours held. */
Page({
  data: {
    loading: true,
    error: '',
    view: null as StarsView | null,
    honours: [] as HonourRow[],
  },

  onShow() {
    void this.load();
  },

  async load() {
    this.setData({ loading: !this.data.view, error: '' });
    try {
      const [level, card] = await Promise.all([stars.get({}, { toast: false }), volunteers.card({}, { toast: false })]);
      this.setData({
        loading: false,
        view: toStarsView(level),
        honours: card.honours.map(toHonourRow),
      });
    } catch (error) {
      this.setData({ loading: false, error: messageOf(error) });
    }
  },

  onRetry() {
    void this.load();
  },
});
