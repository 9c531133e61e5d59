import type { CardResponse } from '../../typings/index';
import { honourText } from '../../components/verify-result/verify';
import type { PosterData } from '../../components/poster/layout';
import { encodeQr } from '../../components/qr-code/symbol';
import { qrDataUri } from '../../components/qr-code/svg';
import { CallError, volunteers } from '../../services/index';
import { hoursOf } from '../../utils/format';
import { loadRecord, recordPage } from '../../utils/record';

interface CardView {
  cardNo: string;
  name: string;
  stars: number;
  starsText: string;
  honours: string[];
  brigades: string[];
  /** Training hours (培训), '' when none: shown apart from the service figures. */
  training: string;
  /** Verified, unexpired qualification types (专业资格). */
  qualifications: string[];
  token: string;
  /** The mini program code (data URL); '' when it was not made, and the plain QR of the token shows instead. */
  code: string;
}

function toCardView(card: CardResponse): CardView {
  return {
    cardNo: card.cardNo,
    name: card.name,
    stars: card.stars,
    starsText: card.stars > 0 ? `${card.stars} 星义工` : '暂未定级',
    honours: card.honours.map(honourText),
    brigades: card.brigades,
    training: card.trainingMinutes > 0 ? hoursOf(card.trainingMinutes) : '',
    qualifications: card.qualifications ?? [],
    token: card.token,
    code: card.code ?? '',
  };
}

/**
 * 义工证: the unified card with its mini program code, which opens the verify page in WeChat's scanner or the
 * leader's 扫码核验; the plain QR of the token shows when the code was not made or fails to load.
 */
Page({
  ...recordPage,

  data: {
    loading: true,
    error: '',
    visitor: false,
    card: null as CardView | null,
    poster: null as PosterData | null,
    posterShow: false,
  },

  onShow() {
    void this.load();
  },

  load() {
    return loadRecord(
      this,
      () => volunteers.card({ withCode: true }, { toast: false }),
      (card) => ({ visitor: false, card: toCardView(card) }),
      {
        keep: !!this.data.card,
        failed: (error) =>
          error instanceof CallError && error.code === 'UNAUTHENTICATED' ? { visitor: true, card: null } : undefined,
      },
    );
  },

  onCodeError() {
    this.setData({ 'card.code': '' });
  },

  /** 生成义工证海报: the card with its mini program code (the one shown above), to save or share. */
  onPoster() {
    const card = this.data.card;
    if (!card) return;
    const poster: PosterData = {
      kind: 'card',
      title: card.name,
      cardNo: card.cardNo,
      stars: card.starsText,
      brigade: card.brigades[0],
      // Without the mini program code, the plain QR of the token (it verifies the same way in 扫码核验).
      code: card.code || qrDataUri(encodeQr(card.token)),
    };
    this.setData({ poster, posterShow: true });
  },

  onPosterClose() {
    this.setData({ posterShow: false });
  },

  onRegister() {
    wx.navigateTo({ url: `/pages/register/index?redirect=${encodeURIComponent('/pages/card/index')}` });
  },
});
