/** What the sign-up button of a post says and does, from the post, the caller's sign-up and the time. */
import type { PostStatus, SignupStatus } from '../../typings/index';

export interface SignupSubject {
  status: PostStatus;
  startAt: number;
  endAt: number;
  signupDeadline: number;
  quota: number;
  confirmedCount: number;
  mySignup?: { status: SignupStatus; position?: number };
}

export type SignupAction = 'signup' | 'none';

export interface SignupButtonView {
  label: string;
  /** Vant button type. */
  type: 'primary' | 'warning' | 'success' | 'default';
  plain: boolean;
  disabled: boolean;
  /** What a tap on the main button does. */
  action: SignupAction;
  /** The secondary link under the button: withdraw while that is still allowed. */
  withdrawLabel: string;
  /** A short line of explanation for the page to show near the button. */
  hint: string;
}

const view = (v: Partial<SignupButtonView> & { label: string }): SignupButtonView => ({
  type: 'default',
  plain: false,
  disabled: true,
  action: 'none',
  withdrawLabel: '',
  hint: '',
  ...v,
});

export function signupButtonView(post: SignupSubject, now: number): SignupButtonView {
  if (post.status === 'cancelled') return view({ label: '已取消', hint: '该招募已由大队取消' });
  const mine = post.mySignup?.status;
  const beforeStart = now < post.startAt;
  if (mine === 'confirmed') {
    return view({
      label: '已报名',
      type: 'success',
      plain: true,
      withdrawLabel: beforeStart ? '取消报名' : '',
      hint: beforeStart ? '请准时到场，现场扫码签到' : '',
    });
  }
  if (mine === 'waitlisted') {
    return view({
      label: `候补第${post.mySignup?.position ?? 1}位`,
      type: 'warning',
      plain: true,
      withdrawLabel: beforeStart ? '退出候补' : '',
      hint: '有人取消报名时按顺序自动递补，递补成功会通知你',
    });
  }
  if (now >= post.endAt) return view({ label: '已结束' });
  if (now >= post.signupDeadline) return view({ label: '已截止', hint: '报名时间已过' });
  if (post.confirmedCount >= post.quota) {
    return view({
      label: '已满（可候补）',
      type: 'warning',
      disabled: false,
      action: 'signup',
      hint: '名额已满，报名后进入候补名单',
    });
  }
  return view({ label: '报名', type: 'primary', disabled: false, action: 'signup' });
}
