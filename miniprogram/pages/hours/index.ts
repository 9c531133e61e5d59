import { timebank } from '../../services/index';
import { loadPaged } from '../../utils/paged';
import { loadRecord, recordPage } from '../../utils/record';
import { toBalanceView, toLedgerRow, type BalanceView, type LedgerRow } from './view';

/** 我的时数: earned hours, the time-bank balance, what was donated and received, and the ledger, newest first. */
Page({
  ...recordPage,

  data: {
    balance: null as BalanceView | null,
    balanceLoading: true,
    balanceError: '',
    items: [] as LedgerRow[],
    loading: true,
    loadingMore: false,
    error: '',
    nextCursor: '',
  },

  onShow() {
    void this.load(!!this.data.balance);
  },

  onPullDownRefresh() {
    void this.load(true).then(() => wx.stopPullDownRefresh());
  },

  onReachBottom() {
    if (!this.data.nextCursor || this.data.loadingMore || this.data.loading) return;
    void loadPaged(this, (cursor) => timebank.ledger({ cursor }, { toast: false }), toLedgerRow, { more: true });
  },

  async load(keep = false) {
    const balance = loadRecord(
      this,
      () => timebank.balance({}, { toast: false }),
      (b) => ({ balance: toBalanceView(b) }),
      { keep: !!this.data.balance, keys: { loading: 'balanceLoading', error: 'balanceError' } },
    );
    const ledger = loadPaged(this, (cursor) => timebank.ledger({ cursor }, { toast: false }), toLedgerRow, {
      keepItems: keep,
    });
    await Promise.all([balance, ledger]);
  },

  onMore() {
    this.onReachBottom();
  },
});
