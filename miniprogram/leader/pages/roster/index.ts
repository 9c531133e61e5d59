import { messageOf, posts } from '../../../services/index';
import { formatRange } from '../../../utils/time';
import { toRosterView, type RosterView } from './view';

interface RosterPost {
  title: string;
  time: string;
  quota: number;
  confirmedCount: number;
  waitlistCount: number;
  cancelled: boolean;
}

/** 报名名单: who signed up, who has checked in, the waitlist in order. */
Page({
  data: {
    postId: '',
    loading: true,
    error: '',
    post: null as RosterPost | null,
    roster: null as RosterView | null,
    showLeft: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ postId: query.postId ?? '' });
  },

  onShow() {
    void this.load();
  },

  onPullDownRefresh() {
    void this.load().then(() => wx.stopPullDownRefresh());
  },

  async load() {
    const { postId } = this.data;
    if (!postId) {
      this.setData({ loading: false, error: '请从招募详情进入报名名单' });
      return;
    }
    this.setData({ loading: !this.data.roster, error: '' });
    try {
      const [post, roster] = await Promise.all([
        posts.get({ postId }, { toast: false }),
        posts.roster({ postId }, { toast: false }),
      ]);
      this.setData({
        loading: false,
        post: {
          title: post.title,
          time: formatRange(post.startAt, post.endAt),
          quota: post.quota,
          confirmedCount: post.confirmedCount,
          waitlistCount: post.waitlistCount,
          cancelled: post.status === 'cancelled',
        },
        roster: toRosterView(roster.items),
      });
    } catch (error) {
      this.setData({ loading: false, error: messageOf(error) });
    }
  },

  onRetry() {
    void this.load();
  },

  onToggleLeft() {
    this.setData({ showLeft: !this.data.showLeft });
  },

  onRecord() {
    wx.navigateTo({ url: `/leader/pages/record/index?postId=${this.data.postId}` });
  },

  onCode() {
    wx.navigateTo({ url: `/leader/pages/checkin-code/index?postId=${this.data.postId}` });
  },
});
