import { HONOUR_LABELS, type CardResponse } from '../../typings/index';
import { CallError, messageOf, volunteers } from '../../services/index';

interface CardView {
  cardNo: string;
  name: string;
  stars: number;
  starsText: string;
  honours: string[];
  brigades: string[];
  token: string;
}

function toCardView(card: CardResponse): CardView {
  return {
    cardNo: card.cardNo,
    name: card.name,
    stars: card.stars,
    starsText: card.stars > 0 ? `${card.stars} 星义工` : '暂未定级',
    honours: card.honours.map((h) => (h.year ? `${h.year} 年度${HONOUR_LABELS[h.honour]}` : HONOUR_LABELS[h.honour])),
    brigades: card.brigades,
    token: card.token,
  };
}

/** 义工证: the unified card with its QR, which a leader scans and `verifyCard` checks. */
Page({
  data: {
    loading: true,
    error: '',
    visitor: false,
    card: null as CardView | null,
  },

  onShow() {
    void this.load();
  },

  async load() {
    this.setData({ loading: !this.data.card, error: '' });
    try {
      const card = await volunteers.card({}, { toast: false });
      this.setData({ loading: false, visitor: false, card: toCardView(card) });
    } catch (error) {
      if (error instanceof CallError && error.code === 'UNAUTHENTICATED') {
        this.setData({ loading: false, visitor: true, card: null });
        return;
      }
      this.setData({ loading: false, error: messageOf(error) });
    }
  },

  onRetry() {
    void this.load();
  },

  onRegister() {
    wx.navigateTo({ url: `/pages/register/index?redirect=${encodeURIComponent('/pages/card/index')}` });
  },
});
