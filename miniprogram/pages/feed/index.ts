import Toast from '@vant/weapp/toast/toast';
import { messageOf, posts, volunteers } from '../../services/index';
import { PAGE_SIZE_MAX, type Post } from '../../typings/index';
import { toPostCardView, type PostCardView } from '../../components/post-card/view';
import { markOf, withPlaces, type SignupMark } from './marks';
import { NEAR, categoryChips, emptyText, listRequest, placeChips, type Location } from './filters';

const PAGE_SIZE = 20;
/** How many of my upcoming sign-ups mark the feed (one page of 我的报名). */
const MARKED = PAGE_SIZE_MAX;

/** The device's location (GCJ-02, what WeChat maps use), or null when the user declines or it fails. */
function locate(): Promise<Location | null> {
  return new Promise((resolve) => {
    wx.getLocation({
      type: 'gcj02',
      success: (res) => resolve({ lat: res.latitude, lng: res.longitude }),
      fail: () => resolve(null),
    });
  });
}

/** 首页 招募: upcoming posts, soonest (or nearest) first, filtered by place and category. */
Page({
  data: {
    cards: [] as PostCardView[],
    loading: true,
    error: '',
    nextCursor: '',
    loadingMore: false,
    moreError: '',
    places: placeChips(),
    categories: categoryChips(),
    place: '',
    category: '',
    emptyText: emptyText('', ''),
    /** The caller leads a brigade: offer 发布招募. */
    canPublish: false,
  },

  location: null as Location | null,
  /** My upcoming sign-ups by post id (已报名 / 候补第 N 位 on the cards); empty for visitors. */
  marks: new Map<string, SignupMark>(),
  /** Bumped by every refresh, so a slow old answer never overwrites a newer one. */
  generation: 0,

  onLoad() {
    // Instance fields are set here: not every runtime copies non-function Page options onto the instance.
    this.location = null;
    this.generation = 0;
    this.marks = new Map();
    void this.refresh();
    void this.checkLeader();
  },

  async onPullDownRefresh() {
    await this.refresh();
    wx.stopPullDownRefresh();
  },

  onReachBottom() {
    void this.loadMore();
  },

  async checkLeader() {
    try {
      const me = await volunteers.me({}, { toast: false });
      this.setData({ canPublish: me.roles.includes('leader') });
    } catch {
      // Not knowing only hides the shortcut (and a visitor has no sign-ups to mark).
      return;
    }
    await this.loadMarks();
  },

  onShow() {
    // Back from a post where I signed up or withdrew: mark the cards again.
    if (this.data.cards.length) void this.loadMarks();
  },

  /** My upcoming sign-ups (one page of 我的报名), to mark the cards; not knowing them leaves the cards unmarked. */
  async loadMarks() {
    try {
      const mine = await posts.mine({ pageSize: MARKED }, { toast: false });
      this.marks = new Map(
        (await withPlaces(mine.items)).flatMap((p) => {
          const mark = markOf(p.mySignup);
          return mark ? [[p.postId, mark] as const] : [];
        }),
      );
    } catch {
      return;
    }
    const update: Record<string, unknown> = {};
    this.data.cards.forEach((card, i) => {
      const mark = this.marks.get(card.postId);
      if ((mark?.badge ?? '') !== (card.badge ?? '')) {
        update[`cards[${i}]`] = { ...card, badge: mark?.badge ?? '', badgeType: mark?.badgeType ?? 'default' };
      }
    });
    if (Object.keys(update).length) this.setData(update);
  },

  card(post: Post): PostCardView {
    return { ...toPostCardView(post), ...this.marks.get(post.postId) };
  },

  request() {
    return listRequest(this.data.place, this.data.category, this.location);
  },

  /** First page again: replaces the list. */
  async refresh() {
    const generation = ++this.generation;
    this.setData({ loading: this.data.cards.length === 0, error: '' });
    try {
      const page = await posts.list({ ...this.request(), pageSize: PAGE_SIZE }, { toast: false });
      if (generation !== this.generation) return;
      this.setData({
        loading: false,
        cards: page.items.map((post) => this.card(post)),
        nextCursor: page.nextCursor ?? '',
        moreError: '',
        emptyText: emptyText(this.data.place, this.data.category),
      });
    } catch (error) {
      if (generation === this.generation) this.setData({ loading: false, error: messageOf(error) });
    }
  },

  /** Next page by cursor: appends only the new cards (a path update keeps setData small). */
  async loadMore() {
    const cursor = this.data.nextCursor;
    if (!cursor || this.data.loadingMore || this.data.loading) return;
    const generation = this.generation;
    this.setData({ loadingMore: true, moreError: '' });
    try {
      const page = await posts.list({ ...this.request(), pageSize: PAGE_SIZE, cursor }, { toast: false });
      if (generation !== this.generation) return;
      const offset = this.data.cards.length;
      const update: Record<string, unknown> = { loadingMore: false, nextCursor: page.nextCursor ?? '' };
      page.items.forEach((post, i) => {
        update[`cards[${offset + i}]`] = this.card(post);
      });
      this.setData(update);
    } catch (error) {
      if (generation === this.generation) this.setData({ loadingMore: false, moreError: messageOf(error) });
    }
  },

  /** A place chip: 全部, 附近 (asks for the location the first time) or a town. */
  async onPlace(event: { currentTarget: { dataset: { value: string } } }) {
    const value = event.currentTarget.dataset.value;
    if (value === this.data.place) return;
    if (value === NEAR && !this.location) {
      this.location = await locate();
      if (!this.location) {
        Toast({ message: '未能获取位置\n可在右上角「…」→「设置」中允许使用位置信息' });
        return;
      }
    }
    this.setData({ place: value, cards: [], nextCursor: '' });
    void this.refresh();
  },

  onCategory(event: { currentTarget: { dataset: { value: string } } }) {
    const value = event.currentTarget.dataset.value;
    if (value === this.data.category) return;
    this.setData({ category: value, cards: [], nextCursor: '' });
    void this.refresh();
  },

  onRetry() {
    void this.refresh();
  },

  onPublish() {
    wx.navigateTo({ url: '/leader/pages/post-form/index' });
  },

  onShareAppMessage() {
    return { title: '博爱义工 · 身边的义工招募', path: '/pages/feed/index' };
  },
});
