import Toast from '@vant/weapp/toast/toast';
import type { Signup } from '../../typings/index';
import { fieldErrors, messageOf, posts } from '../../services/index';
import { formatRange, shanghai } from '../../utils/time';
import { hoursOf } from '../../utils/format';
import { loadRecord, recordPage, showLoadError } from '../../utils/record';

/** checkin: not checked in yet; checkout: checked in; done: checked out; none: no confirmed sign-up. */
type Mode = 'checkin' | 'checkout' | 'done' | 'none';

interface CheckinPost {
  title: string;
  time: string;
  address: string;
}

const CODE = /\d{6}/;

function modeOf(signup: Signup | undefined, cancelled: boolean): Mode {
  if (cancelled || !signup || signup.status !== 'confirmed') return 'none';
  if (signup.checkoutAt) return 'done';
  return signup.checkinAt ? 'checkout' : 'checkin';
}

const clock = (ms: number) => shanghai(ms).format('HH:mm');

/** 签到 / 签退: scan the leader's QR (its content is the 6-digit code) or type the code. */
Page({
  ...recordPage,

  data: {
    postId: '',
    loading: true,
    error: '',
    post: null as CheckinPost | null,
    mode: 'none' as Mode,
    /** 签到 09:02 / 签退 11:30 · 本次服务 2 小时 */
    checkinText: '',
    resultText: '',
    code: '',
    codeError: '',
    submitting: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ postId: query.postId ?? '' });
    void this.load();
  },

  async load() {
    const { postId } = this.data;
    if (!postId) {
      showLoadError(this, '请从「我的报名」或招募详情进入签到');
      return;
    }
    await loadRecord(
      this,
      () => posts.get({ postId }, { toast: false }),
      (detail) => ({
        post: { title: detail.title, time: formatRange(detail.startAt, detail.endAt), address: detail.address },
        mode: modeOf(detail.mySignup, detail.status === 'cancelled'),
        checkinText: detail.mySignup?.checkinAt ? `已于 ${clock(detail.mySignup.checkinAt)} 签到` : '',
      }),
      { keep: !!this.data.post },
    );
  },

  onCodeInput(event: { detail: string }) {
    this.setData({ code: String(event.detail).replace(/\D/g, '').slice(0, 6), codeError: '' });
  },

  onScan() {
    wx.scanCode({
      onlyFromCamera: true,
      scanType: ['qrCode'],
      success: (res) => {
        const code = CODE.exec(res.result ?? '')?.[0];
        if (!code) {
          Toast({ type: 'fail', message: '这不是签到码\n请扫描负责人出示的签到二维码' });
          return;
        }
        this.setData({ code, codeError: '' });
        void this.submit();
      },
    });
  },

  onSubmit() {
    if (!CODE.test(this.data.code)) {
      this.setData({ codeError: '请输入 6 位数字签到码' });
      return;
    }
    void this.submit();
  },

  async submit() {
    const { postId, code, mode } = this.data;
    if (this.data.submitting || (mode !== 'checkin' && mode !== 'checkout')) return;
    this.setData({ submitting: true, codeError: '' });
    try {
      if (mode === 'checkin') {
        const res = await posts.checkin({ postId, code }, { toast: false });
        this.setData({ mode: 'checkout', code: '', checkinText: `已于 ${clock(res.checkinAt)} 签到` });
        Toast({ type: 'success', message: `签到成功\n${clock(res.checkinAt)}` });
      } else {
        const res = await posts.checkout({ postId, code }, { toast: false });
        this.setData({
          mode: 'done',
          code: '',
          resultText: `${clock(res.checkoutAt)} 签退，本次服务 ${hoursOf(res.minutes)} 小时（${res.minutes} 分钟）`,
        });
        Toast({ type: 'success', message: '签退成功' });
      }
    } catch (error) {
      const fields = fieldErrors(error);
      this.setData({ codeError: fields.code ?? messageOf(error) });
    } finally {
      this.setData({ submitting: false });
    }
  },

  onOpenPost() {
    wx.redirectTo({ url: `/pages/post/index?postId=${this.data.postId}` });
  },
});
