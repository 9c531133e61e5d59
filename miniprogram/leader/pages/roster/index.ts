import { posts } from '../../../services/index';
import { loadRecord, recordPage, showLoadError } from '../../../utils/record';
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
  ...recordPage,

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
      showLoadError(this, '请从招募详情进入报名名单');
      return;
    }
    await loadRecord(
      this,
      () => Promise.all([posts.get({ postId }, { toast: false }), posts.roster({ postId }, { toast: false })]),
      ([post, roster]) => ({
        post: {
          title: post.title,
          time: formatRange(post.startAt, post.endAt),
          quota: post.quota,
          confirmedCount: post.confirmedCount,
          waitlistCount: post.waitlistCount,
          cancelled: post.status === 'cancelled',
        },
        roster: toRosterView(roster.items),
      }),
      { keep: !!this.data.roster },
    );
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
