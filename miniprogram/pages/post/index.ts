import Toast from '@vant/weapp/toast/toast';
import { CallError, messageOf, posts } from '../../services/index';
import type { SignupButtonView } from '../../components/signup-button/state';
import { askSubscription, prepareSubscription, reportSubscription } from '../../utils/subscribe';
import { loadRecord, recordPage, showLoadError } from '../../utils/record';
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
  },

  detail: null as PostDetail | null,

  onLoad(query: Record<string, string | undefined>) {
    this.detail = null;
    this.setData({ postId: query.postId ?? '' });
    void this.load();
    void prepareSubscription();
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
      const result = await posts.signup({ postId }, { toast: false });
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
    const back = `/pages/post/index?postId=${this.data.postId}`;
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

  onShareAppMessage() {
    const post = this.data.post;
    return {
      title: post ? `${post.title}｜${post.time}` : '博爱义工招募',
      path: `/pages/post/index?postId=${this.data.postId}`,
    };
  },
});
