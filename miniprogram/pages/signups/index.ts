import { CallError, messageOf, posts } from '../../services/index';
import type { PostCardView } from '../../components/post-card/view';
import { checkinDue, pastNote, toSignupCard } from './view';
import { pagedList } from '../../utils/paged';

const PAGE_SIZE = 20;
type Tab = 'upcoming' | 'past';

interface DueView {
  postId: string;
  title: string;
  action: string;
}

/** 我的报名: upcoming sign-ups (with a shortcut to check in when it is time) and past ones. */
Page({
  ...pagedList,

  data: {
    tab: 'upcoming' as Tab,
    items: [] as PostCardView[],
    loading: true,
    error: '',
    visitor: false,
    nextCursor: '',
    loadingMore: false,
    due: null as DueView | null,
  },

  loaded: false,
  generation: 0,

  onLoad() {
    this.loaded = false;
    this.generation = 0;
  },

  onShow() {
    // Also on coming back from a post page (withdrawn, checked in): show the current state.
    void this.load();
  },

  async load(more = false) {
    const { tab, nextCursor } = this.data;
    const generation = more ? this.generation : ++this.generation;
    if (more) this.setData({ loadingMore: true });
    else this.setData({ loading: !this.loaded, error: '' });
    try {
      const past = tab === 'past';
      const page = await posts.mine(
        { past, pageSize: PAGE_SIZE, ...(more && nextCursor ? { cursor: nextCursor } : {}) },
        { toast: false },
      );
      if (generation !== this.generation) return;
      const now = Date.now();
      const rows = page.items;
      const cards = rows.map((row) => ({ ...toSignupCard(row, now), ...(past ? pastNote(row) : {}) }));
      this.loaded = true;
      if (more) {
        const at = this.data.items.length;
        const update: Record<string, unknown> = { loadingMore: false, nextCursor: page.nextCursor ?? '' };
        cards.forEach((card, i) => (update[`items[${at + i}]`] = card));
        this.setData(update);
        return;
      }
      const due = tab === 'upcoming' ? checkinDue(rows, now) : undefined;
      this.setData({
        loading: false,
        visitor: false,
        items: cards,
        nextCursor: page.nextCursor ?? '',
        due: due
          ? { postId: due.postId, title: due.title, action: due.mySignup.checkinAt ? '去签退' : '去签到' }
          : null,
      });
    } catch (error) {
      if (generation !== this.generation) return;
      if (error instanceof CallError && error.code === 'UNAUTHENTICATED') {
        this.setData({ loading: false, loadingMore: false, visitor: true, items: [] });
        return;
      }
      const message = messageOf(error);
      this.setData(more ? { loadingMore: false } : { loading: false, error: message });
    }
  },

  onTab(event: { currentTarget: { dataset: { name: Tab } } }) {
    const tab = event.currentTarget.dataset.name;
    if (tab === this.data.tab) return;
    this.loaded = false;
    this.setData({ tab, items: [], nextCursor: '', due: null });
    void this.load();
  },

  onCheckin() {
    if (this.data.due) wx.navigateTo({ url: `/pages/checkin/index?postId=${this.data.due.postId}` });
  },

  onBrowse() {
    wx.switchTab({ url: '/pages/feed/index' });
  },

  onRegister() {
    wx.navigateTo({ url: `/pages/register/index?redirect=${encodeURIComponent('/pages/signups/index')}` });
  },
});
