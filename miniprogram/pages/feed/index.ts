import { posts } from '../../services/index';
import { toPostCardView, type PostCardView } from '../../components/post-card/view';

const PAGE_SIZE = 20;

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : '加载失败，请稍后重试';
}

Page({
  data: {
    cards: [] as PostCardView[],
    loading: true,
    error: '',
    nextCursor: '',
    loadingMore: false,
    moreError: '',
  },

  onLoad() {
    void this.refresh();
  },

  async onPullDownRefresh() {
    await this.refresh();
    wx.stopPullDownRefresh();
  },

  onReachBottom() {
    void this.loadMore();
  },

  /** First page again: replaces the list. */
  async refresh() {
    this.setData({ loading: this.data.cards.length === 0, error: '' });
    try {
      const page = await posts.list({ pageSize: PAGE_SIZE }, { toast: false });
      this.setData({
        loading: false,
        cards: page.items.map(toPostCardView),
        nextCursor: page.nextCursor ?? '',
        moreError: '',
      });
    } catch (error) {
      this.setData({ loading: false, error: messageOf(error) });
    }
  },

  /** Next page by cursor: appends only the new cards (a path update keeps setData small). */
  async loadMore() {
    const cursor = this.data.nextCursor;
    if (!cursor || this.data.loadingMore) return;
    this.setData({ loadingMore: true, moreError: '' });
    try {
      const page = await posts.list({ pageSize: PAGE_SIZE, cursor }, { toast: false });
      const offset = this.data.cards.length;
      const update: Record<string, unknown> = { loadingMore: false, nextCursor: page.nextCursor ?? '' };
      page.items.forEach((post, i) => {
        update[`cards[${offset + i}]`] = toPostCardView(post);
      });
      this.setData(update);
    } catch (error) {
      this.setData({ loadingMore: false, moreError: messageOf(error) });
    }
  },

  onRetry() {
    void this.refresh();
  },
});
