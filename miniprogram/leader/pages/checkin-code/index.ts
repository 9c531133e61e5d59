import { messageOf, posts } from '../../../services/index';
import { formatRange, shanghai } from '../../../utils/time';
import { refreshDelay } from './refresh';

/** 签到码: the post's check-in code as a QR (volunteers scan it) and in big digits, renewed every minute. */
Page({
  data: {
    postId: '',
    loading: true,
    error: '',
    title: '',
    time: '',
    code: '',
    /** 「09:01 更新」 */
    updated: '',
    confirmed: 0,
  },

  timer: 0 as number,
  visible: false,

  onLoad(query: Record<string, string | undefined>) {
    this.timer = 0;
    this.visible = false;
    this.setData({ postId: query.postId ?? '' });
    void this.loadPost();
  },

  onShow() {
    this.visible = true;
    wx.setKeepScreenOn({ keepScreenOn: true });
    if (this.data.title) void this.refresh();
  },

  onHide() {
    this.visible = false;
    this.stop();
  },

  onUnload() {
    this.visible = false;
    this.stop();
  },

  stop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = 0;
  },

  async loadPost() {
    const { postId } = this.data;
    if (!postId) {
      this.setData({ loading: false, error: '请从招募详情进入签到码' });
      return;
    }
    this.setData({ loading: true, error: '' });
    try {
      const post = await posts.get({ postId }, { toast: false });
      this.setData({ title: post.title, time: formatRange(post.startAt, post.endAt), confirmed: post.confirmedCount });
      await this.refresh();
    } catch (error) {
      this.setData({ loading: false, error: messageOf(error) });
    }
  },

  async refresh() {
    this.stop();
    try {
      const { code, expiresAt } = await posts.checkinCode({ postId: this.data.postId }, { toast: false });
      const now = Date.now();
      this.setData({ loading: false, error: '', code, updated: `${shanghai(now).format('HH:mm')} 更新` });
      if (this.visible)
        this.timer = setTimeout(() => void this.refresh(), refreshDelay(expiresAt, now)) as unknown as number;
    } catch (error) {
      this.setData({
        loading: false,
        code: '',
        error: messageOf(error, '签到码获取失败，请稍后重试'),
      });
    }
  },

  onRetry() {
    if (this.data.title) void this.refresh();
    else void this.loadPost();
  },

  onRoster() {
    wx.redirectTo({ url: `/leader/pages/roster/index?postId=${this.data.postId}` });
  },
});
