import { open, targetOfQuery, type VerifiedView } from '../../components/verify-result/verify';
import { loadRecord, recordPage, showLoadError } from '../../utils/record';

const INVALID = '二维码无效或已过期';

/**
 * 扫码核验 and the scan landing: opened by WeChat's scanner from any mini program code the app makes (`?scene=`), or
 * with `?token=` (a card) or `?proof=` (a proof). A card or proof is verified here; a poster's scene goes on
 * (`redirectTo`) to the post page or the join page with `source=poster`; an expired or unknown one says so, with a
 * way home. Anyone may open it, a visitor too.
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
      () => open(target),
      (opened) => {
        if (!('url' in opened)) return { result: opened };
        wx.redirectTo({ url: opened.url });
        return { loading: true };
      },
      { fallback: INVALID },
    );
  },

  onHome() {
    wx.switchTab({ url: '/pages/feed/index' });
  },
});
