import { messageOf, posts } from '../../../services/index';
import { loadRecord, recordPage, showLoadError } from '../../../utils/record';
import { formatRange, shanghai } from '../../../utils/time';
import { refreshDelay } from './refresh';

/** A code that failed to come is cleared, so an old one never shows again. */
const codeFailed = (error: unknown) => ({ code: '', error: messageOf(error, '签到码获取失败，请稍后重试') });

/** 签到码: the post's check-in code as a QR (volunteers scan it) and in big digits, renewed every minute. */
Page({
  ...recordPage,

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
    void this.load();
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

  /** The post and its current code; 重试 comes here too. */
  async load() {
    const { postId } = this.data;
    if (!postId) {
      showLoadError(this, '请从招募详情进入签到码');
      return;
    }
    this.stop();
    const loaded = await loadRecord(
      this,
      () => Promise.all([posts.get({ postId }, { toast: false }), posts.checkinCode({ postId }, { toast: false })]),
      ([post, code]) => ({
        title: post.title,
        time: formatRange(post.startAt, post.endAt),
        confirmed: post.confirmedCount,
        ...this.showCode(code.code),
      }),
      { keep: !!this.data.title, failed: codeFailed },
    );
    if (loaded) this.schedule(loaded[1].expiresAt);
  },

  /** The next code, in place: the page stays as it is while it comes. */
  async refresh() {
    this.stop();
    const next = await loadRecord(
      this,
      () => posts.checkinCode({ postId: this.data.postId }, { toast: false }),
      ({ code }) => this.showCode(code),
      { keep: true, failed: codeFailed },
    );
    if (next) this.schedule(next.expiresAt);
  },

  showCode(code: string) {
    return { code, updated: `${shanghai(Date.now()).format('HH:mm')} 更新` };
  },

  schedule(expiresAt: number) {
    if (this.visible) {
      this.timer = setTimeout(() => void this.refresh(), refreshDelay(expiresAt, Date.now())) as unknown as number;
    }
  },

  onRoster() {
    wx.redirectTo({ url: `/leader/pages/roster/index?postId=${this.data.postId}` });
  },
});
