import { targetOfQuery, verify, type VerifiedView } from '../../components/verify-result/verify';
import { loadRecord, recordPage, showLoadError } from '../../utils/record';

const INVALID = '二维码无效或已过期';

/**
 * 扫码核验: opened by WeChat's scanner from a card or proof mini program code (`?scene=`), or with `?token=` (a card)
 * or `?proof=` (a proof). Shows what the verify action returns; anyone may open it, a visitor too.
 */
Page({
  ...recordPage,

  data: {
    loading: true,
    error: '',
    result: null as VerifiedView | null,
  },

  target: undefined as ReturnType<typeof targetOfQuery>,

  onLoad(query: Record<string, string | undefined>) {
    this.target = targetOfQuery(query);
    void this.load();
  },

  load() {
    const target = this.target;
    if (!target) {
      showLoadError(this, INVALID);
      return Promise.resolve(undefined);
    }
    return loadRecord(
      this,
      () => verify(target),
      (result) => ({ result }),
      { fallback: INVALID },
    );
  },

  onHome() {
    wx.switchTab({ url: '/pages/feed/index' });
  },
});
