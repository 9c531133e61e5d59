import Toast from '@vant/weapp/toast/toast';
import { CallError, messageOf, posts } from '../../services/index';
import type { SignupButtonView } from '../../components/signup-button/state';
import type { PosterData } from '../../components/poster/layout';
import { askSubscription, prepareSubscription, reportSubscription } from '../../utils/subscribe';
import { loadRecord, recordPage, showLoadError } from '../../utils/record';
import { isSinglePage, sourceOf } from '../../utils/share';
import type { ShareSource } from '../../typings/index';
import { buttonOf, toPostView, type PostDetail, type PostView } from './view';

/** A yes/no question in the platform's own dialog; resolves to true on confirm. */
function confirm(title: string, content: string, confirmText: string): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content,
      confirmText,
      cancelText: '再想想',
      confirmColor: '#ee0a24',
      success: (res) => resolve(!!res.confirm),
      fail: () => resolve(false),
    });
  });
}

/** 招募详情: time, place, quota, the sign-up button and, for the brigade's leaders, the management entries. */
Page({
  ...recordPage,

  data: {
    postId: '',
    loading: true,
    error: '',
    post: null as PostView | null,
    button: null as SignupButtonView | null,
    busy: false,
    poster: null as PosterData | null,
    posterShow: false,
    /** 朋友圈单页模式: shown read-only, with a hint to open the mini program to sign up. */
    singlePage: false,
  },

  detail: null as PostDetail | null,
  /** A poster's code is being fetched (one tap, one call). */
  posterBusy: false,
  /** Where the visitor came from (招募来源), passed on to the sign-up: the feed unless the link says otherwise. */
  source: 'feed' as ShareSource,

  onLoad(query: Record<string, string | undefined>) {
    this.detail = null;
    this.source = sourceOf(query, 'feed');
    const singlePage = isSinglePage();
    this.setData({ postId: query.postId ?? '', singlePage });
    void this.load();
    // No login in single-page mode: the post still loads (anyone may read it), nothing else is asked.
    if (!singlePage) void prepareSubscription();
  },

  onShow() {
    // Back from the form, the roster or the check-in page: show what changed.
    if (this.detail) void this.load(true);
  },

  onPullDownRefresh() {
    void this.load(true).then(() => wx.stopPullDownRefresh());
  },

  /** `quiet`: after an action or on coming back, refresh what is shown without the loading state. */
  async load(quiet = false) {
    const { postId } = this.data;
    if (!postId) {
      showLoadError(this, '链接不完整，找不到这条招募');
      return;
    }
    const shown = !!this.detail;
    await loadRecord(
      this,
      () => posts.get({ postId }, { toast: false }),
      (detail) => {
        this.detail = detail;
        const now = Date.now();
        return { post: toPostView(detail, now), button: buttonOf(detail, now) };
      },
      { keep: shown, quiet: quiet && shown },
    );
  },

  async onSignup() {
    const { postId } = this.data;
    if (this.data.busy) return;
    this.setData({ busy: true });
    // Ask for reminders in this very tap (WeChat shows the prompt only for a tap); report once signed up.
    const subscription = askSubscription();
    try {
      const result = await posts.signup({ postId, source: this.source }, { toast: false });
      void subscription.then((accepted) => reportSubscription({ postId }, accepted));
      Toast({
        type: 'success',
        message: result.status === 'waitlisted' ? `已进入候补\n第 ${result.position ?? 1} 位` : '报名成功',
      });
      await this.load(true);
    } catch (error) {
      if (error instanceof CallError && error.code === 'UNAUTHENTICATED') {
        this.askToRegister();
      } else {
        // A refusal that explains itself (资格, 专长, 时间冲突) is shown as wide text, not squeezed beside an icon.
        const message = messageOf(error);
        Toast({ type: message.length > 12 ? 'text' : 'fail', message, duration: 4000 });
        await this.load(true);
      }
    } finally {
      this.setData({ busy: false });
    }
  },

  askToRegister() {
    const back = `/pages/post/index?postId=${this.data.postId}&source=${this.source}`;
    wx.showModal({
      title: '先登记再报名',
      content: '登记成为博爱义工（约 1 分钟）后即可报名参加服务。',
      confirmText: '去登记',
      cancelText: '暂不',
      success: (res) => {
        if (res.confirm) wx.navigateTo({ url: `/pages/register/index?redirect=${encodeURIComponent(back)}` });
      },
    });
  },

  async onWithdraw() {
    const waitlisted = this.detail?.mySignup?.status === 'waitlisted';
    const sure = await confirm(
      waitlisted ? '退出候补' : '取消报名',
      waitlisted ? '确定退出候补吗？再次报名需要重新排队。' : '确定取消报名吗？你的名额将让给候补的义工。',
      waitlisted ? '退出候补' : '取消报名',
    );
    if (!sure) return;
    this.setData({ busy: true });
    try {
      await posts.withdraw({ postId: this.data.postId }, { toast: false });
      Toast({ type: 'success', message: waitlisted ? '已退出候补' : '已取消报名' });
      await this.load(true);
    } catch (error) {
      Toast({ type: 'fail', message: messageOf(error), duration: 3000 });
    } finally {
      this.setData({ busy: false });
    }
  },

  onOpenMap() {
    const post = this.detail;
    if (!post || post.lat === undefined || post.lng === undefined) return;
    wx.openLocation({ latitude: post.lat, longitude: post.lng, name: post.title, address: post.address, scale: 16 });
  },

  onCheckin() {
    wx.navigateTo({ url: `/pages/checkin/index?postId=${this.data.postId}` });
  },

  onBrigade() {
    const post = this.data.post;
    if (post) wx.navigateTo({ url: `/pages/brigade/index?brigadeId=${post.brigadeId}` });
  },

  /** 管理 entries: `data-page` is the leader page (post-form, roster, checkin-code). */
  onManage(event: { currentTarget: { dataset: { page: string } } }) {
    wx.navigateTo({ url: `/leader/pages/${event.currentTarget.dataset.page}/index?postId=${this.data.postId}` });
  },

  /** 生成海报: the post's mini program code, then the poster drawn in a popup to save or share. */
  async onPoster() {
    const post = this.data.post;
    if (!post || this.posterBusy) return;
    this.posterBusy = true;
    Toast.loading({ message: '正在生成…', forbidClick: true, duration: 0 });
    try {
      const { code } = await posts.poster({ postId: this.data.postId }, { toast: false });
      const poster: PosterData = {
        kind: 'post',
        title: post.title,
        time: post.time,
        place: post.address,
        quotaLeft: Math.max(0, post.quota - post.confirmedCount),
        brigade: post.brigadeName,
        code,
      };
      Toast.clear();
      this.setData({ poster, posterShow: true });
    } catch (error) {
      Toast({ type: 'fail', message: messageOf(error), duration: 3000 });
    } finally {
      this.posterBusy = false;
    }
  },

  onPosterClose() {
    this.setData({ posterShow: false });
  },

  onShareAppMessage() {
    const post = this.data.post;
    return {
      title: post ? `${post.title}｜${post.time}` : '博爱义工招募',
      path: `/pages/post/index?postId=${this.data.postId}&source=chat`,
    };
  },

  /** 分享到朋友圈: opens this post in single-page mode; a sign-up made after 前往小程序 counts as from Moments. */
  onShareTimeline() {
    const post = this.data.post;
    return {
      title: post ? `${post.brigadeName}招募：${post.title}` : '博爱义工招募',
      query: `postId=${this.data.postId}&source=moments`,
    };
  },
});
