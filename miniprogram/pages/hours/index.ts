import { messageOf, timebank } from '../../services/index';
import { loadPaged } from '../../utils/paged';
import { toBalanceView, toLedgerRow, type BalanceView, type LedgerRow } from './view';

/** 我的时数: earned hours, the time-bank balance, what was donated and received, and the ledger, newest first. */
Page({
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
    this.setData({ balanceLoading: !this.data.balance, balanceError: '' });
    const balance = timebank
      .balance({}, { toast: false })
      .then((b) => this.setData({ balance: toBalanceView(b), balanceLoading: false }))
      .catch((error: unknown) => {
        const message = messageOf(error);
        this.setData({ balanceLoading: false, balanceError: message });
      });
    const ledger = loadPaged(this, (cursor) => timebank.ledger({ cursor }, { toast: false }), toLedgerRow, {
      keepItems: keep,
    });
    await Promise.all([balance, ledger]);
  },

  onRetry() {
    void this.load();
  },

  onMore() {
    this.onReachBottom();
  },
});
