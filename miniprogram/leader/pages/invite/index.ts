import Toast from '@vant/weapp/toast/toast';
import type { InviteResponse } from '../../../typings/index';
import { brigades } from '../../../services/index';
import { formatDateTime } from '../../../utils/time';

const DAY = 24 * 60 * 60 * 1000;
const EXPIRY_OPTIONS = [
  { label: '7 天内有效', days: 7 },
  { label: '30 天内有效', days: 30 },
  { label: '长期有效', days: 0 },
];

/** 邀请入队: create an invite, show its code, share it to a chat (or Moments), revoke it. */
Page({
  data: {
    brigadeId: '',
    brigadeName: '',
    expiryOptions: EXPIRY_OPTIONS,
    expiryIndex: 0,
    invite: null as (InviteResponse & { expiresText: string }) | null,
    creating: false,
    revoking: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    // Opened from a Moments share (onShareTimeline carries the code): that reader wants the join page.
    if (query.code) {
      wx.redirectTo({ url: `/pages/join/index?code=${query.code}&brigadeId=${query.brigadeId ?? ''}` });
      return;
    }
    this.setData({ brigadeId: query.brigadeId ?? '' });
    if (typeof wx.showShareMenu === 'function') wx.showShareMenu({ menus: ['shareAppMessage', 'shareTimeline'] });
  },

  onBrigade(event: { detail: { brigadeId: string; name: string } }) {
    const changed = event.detail.brigadeId !== this.data.brigadeId;
    this.setData({
      brigadeId: event.detail.brigadeId,
      brigadeName: event.detail.name,
      ...(changed ? { invite: null } : {}),
    });
  },

  onExpiry(event: { currentTarget: { dataset: { index: number } } }) {
    this.setData({ expiryIndex: event.currentTarget.dataset.index });
  },

  async onCreate() {
    if (this.data.creating || !this.data.brigadeId) return;
    const { days } = EXPIRY_OPTIONS[this.data.expiryIndex];
    this.setData({ creating: true });
    try {
      const invite = await brigades.invite({
        brigadeId: this.data.brigadeId,
        ...(days ? { expiresAt: Date.now() + days * DAY } : {}),
      });
      const expiresText = invite.expiresAt ? `${formatDateTime(invite.expiresAt)} 前有效` : '长期有效，可随时收回';
      this.setData({ creating: false, invite: { ...invite, expiresText } });
    } catch {
      this.setData({ creating: false });
    }
  },

  onCopy() {
    const invite = this.data.invite;
    if (invite) wx.setClipboardData({ data: invite.code });
  },

  onRevoke() {
    const invite = this.data.invite;
    if (!invite || this.data.revoking) return;
    wx.showModal({
      title: '收回邀请',
      content: '收回后，已分享出去的这个邀请链接将无法再用于加入大队。',
      confirmText: '收回',
      confirmColor: '#ee0a24',
      success: (res) => {
        if (res.confirm) void this.revoke(invite.code);
      },
    });
  },

  async revoke(code: string) {
    this.setData({ revoking: true });
    try {
      await brigades.invite({ brigadeId: this.data.brigadeId, revokeCode: code });
      this.setData({ revoking: false, invite: null });
      Toast({ type: 'success', message: '邀请已收回' });
    } catch {
      this.setData({ revoking: false });
    }
  },

  shareTitle(): string {
    return `邀请你加入「${this.data.brigadeName || '博爱义工大队'}」，一起做义工`;
  },

  onShareAppMessage() {
    const invite = this.data.invite;
    if (!invite) return { title: '博爱义工 · 中山市博爱行动', path: '/pages/brigades/index' };
    return { title: this.shareTitle(), path: invite.path };
  },

  onShareTimeline() {
    const invite = this.data.invite;
    if (!invite) return { title: '博爱义工 · 中山市博爱行动' };
    return { title: this.shareTitle(), query: `code=${invite.code}&brigadeId=${this.data.brigadeId}` };
  },
});
