import { resources } from '../../../services/index';
import type { Wish, WishStatus } from '../../../typings/resources';
import { loadRecord, recordPage } from '../../../utils/record';
import { toDonorView, type DonorView } from '../../giving-view';

const WISH_STATUS: Partial<Record<WishStatus, string>> = { claimed: '待完成', fulfilled: '已完成', closed: '已致谢' };

interface WishRow {
  wishId: string;
  title: string;
  place: string;
  statusText: string;
}

const toWishRow = (w: Wish): WishRow => ({
  wishId: w.wishId,
  title: w.title,
  place: `${w.recipient.displayName} · ${w.recipient.town}${w.recipient.community}`,
  statusText: WISH_STATUS[w.status] ?? '',
});

/** 爱心企业: the caller's donor record (or how to register one), and the wishes it claimed and fulfilled. */
Page({
  ...recordPage,

  data: {
    loading: true,
    error: '',
    donor: null as DonorView | null,
    claimed: 0,
    fulfilled: 0,
    wishes: [] as WishRow[],
  },

  onShow() {
    void this.load();
  },

  onPullDownRefresh() {
    void this.load().then(() => wx.stopPullDownRefresh());
  },

  load() {
    return loadRecord(
      this,
      () => resources.myDonor({}, { toast: false }),
      (mine) => ({
        donor: mine.donor ? toDonorView(mine.donor) : null,
        claimed: mine.claimed,
        fulfilled: mine.fulfilled,
        wishes: mine.wishes.map(toWishRow),
      }),
      { keep: !!this.data.donor },
    );
  },

  onRegister() {
    wx.navigateTo({ url: '/resources/pages/donor-register/index' });
  },
});
