import { HONOUR_LABELS, type CardResponse } from '../../typings/index';
import { CallError, volunteers } from '../../services/index';
import { loadRecord, recordPage } from '../../utils/record';

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
  ...recordPage,

  data: {
    loading: true,
    error: '',
    visitor: false,
    card: null as CardView | null,
  },

  onShow() {
    void this.load();
  },

  load() {
    return loadRecord(
      this,
      () => volunteers.card({}, { toast: false }),
      (card) => ({ visitor: false, card: toCardView(card) }),
      {
        keep: !!this.data.card,
        failed: (error) =>
          error instanceof CallError && error.code === 'UNAUTHENTICATED' ? { visitor: true, card: null } : undefined,
      },
    );
  },

  onRegister() {
    wx.navigateTo({ url: `/pages/register/index?redirect=${encodeURIComponent('/pages/card/index')}` });
  },
});
