import type { Brigade, JoinResponse, ShareSource } from '../../typings/index';
import { brigades, CallError, messageOf, volunteers } from '../../services/index';
import { loadRecord, recordPage, showLoadError } from '../../utils/record';
import { sourceOf } from '../../utils/share';
import { askSubscription, prepareSubscription, reportSubscription } from '../../utils/subscribe';

interface BrigadeView {
  brigadeId: string;
  name: string;
  town: string;
  description: string;
  leaders: string;
  memberCount: number;
  reviewed: boolean;
}

const toBrigadeView = (b: Brigade): BrigadeView => ({
  brigadeId: b.brigadeId,
  name: b.name,
  town: b.town,
  description: b.description ?? '',
  leaders: b.leaders.map((l) => l.name).join('、'),
  memberCount: b.memberCount,
  reviewed: b.joinMode === 'review',
});

/**
 * 加入大队, opened from a leader's shared link: `?code=…` (and `brigadeId` when the share carried it; `source` when
 * it came from a scanned poster or Moments — counted as 招募来源, a chat card by default); or from the brigade's own
 * page with `?brigadeId=…` and no code: an application (brigades.apply, from the feed by default).
 * Shows the brigade, sends a visitor to register first (coming back here), then joins on the user's tap.
 */
Page({
  ...recordPage,

  data: {
    loading: true,
    error: '',
    code: '',
    brigade: null as BrigadeView | null,
    registered: false,
    /** Already a member before tapping: active / pending. */
    myStatus: '',
    joining: false,
    /** Opened from the brigade's page with no invite: an application. */
    applying: false,
    joinError: '',
    result: null as JoinResponse | null,
  },

  query: { code: '', brigadeId: '', source: 'chat' as ShareSource },
  /** The user tapped 加入 and went to register: join as soon as they are back and registered. */
  pendingJoin: false,

  onLoad(query: Record<string, string | undefined>) {
    const code = (query.code ?? '').trim();
    // Where the link came from (招募来源): a chat card unless it says Moments or a poster; in the app, the feed.
    this.query = { code, brigadeId: query.brigadeId ?? '', source: sourceOf(query, code ? 'chat' : 'feed') };
    this.pendingJoin = query.auto === '1';
    this.setData({ code, applying: !code });
    void prepareSubscription();
  },

  onShow() {
    void this.load();
  },

  async load() {
    if (!this.data.code && !this.query.brigadeId) {
      showLoadError(this, '邀请链接不完整，请向大队负责人重新索取');
      return;
    }
    if (this.data.result) return;
    const brigadeId = this.query.brigadeId;
    const loaded = await loadRecord(
      this,
      () =>
        Promise.all([
          volunteers.me({}, { toast: false }),
          brigadeId ? brigades.get({ brigadeId }, { toast: false }) : Promise.resolve(undefined),
        ]),
      ([me, brigade]) => ({
        registered: me.registered,
        brigade: brigade ? toBrigadeView(brigade) : null,
        myStatus: brigade?.myStatus === 'active' || brigade?.myStatus === 'pending' ? brigade.myStatus : '',
      }),
      { keep: !!this.data.brigade || this.data.registered, fallback: '出错了，请稍后重试' },
    );
    if (loaded && this.pendingJoin && loaded[0].registered) {
      this.pendingJoin = false;
      await this.join();
    }
  },

  async onJoin() {
    if (this.data.joining) return;
    if (!this.data.registered) {
      this.pendingJoin = true;
      const { code, brigadeId, source } = this.query;
      const back = `/pages/join/index?${code ? `code=${code}&` : ''}${brigadeId ? `brigadeId=${brigadeId}&` : ''}source=${source}&auto=1`;
      wx.navigateTo({ url: `/pages/register/index?redirect=${encodeURIComponent(back)}` });
      return;
    }
    // A brigade that reviews applications tells the applicant when a leader approves: ask in this tap.
    const reviewed = this.data.brigade?.reviewed ?? true;
    await this.join(reviewed ? askSubscription(['notice']) : undefined);
  },

  async join(subscription: Promise<string[]> = Promise.resolve([])) {
    this.setData({ joining: true, joinError: '' });
    try {
      const { code, brigadeId, source } = this.query;
      const result = code
        ? await brigades.join({ code, source }, { toast: false })
        : await brigades.apply({ brigadeId, source }, { toast: false });
      this.setData({ joining: false, result });
      if (result.status === 'pending') {
        void subscription.then((accepted) => reportSubscription({ brigadeId: result.brigadeId }, accepted));
      }
      if (!this.data.brigade) {
        const brigade = await brigades.get({ brigadeId: result.brigadeId }, { toast: false }).catch(() => undefined);
        if (brigade) this.setData({ brigade: toBrigadeView(brigade) });
      }
    } catch (error) {
      if (error instanceof CallError && error.code === 'UNAUTHENTICATED') {
        this.setData({ joining: false, registered: false });
        return;
      }
      this.setData({ joining: false, joinError: messageOf(error, '出错了，请稍后重试') });
    }
  },

  onViewBrigade() {
    const brigadeId = this.data.result?.brigadeId ?? this.data.brigade?.brigadeId;
    if (brigadeId) wx.redirectTo({ url: `/pages/brigade/index?brigadeId=${brigadeId}` });
  },

  onFeed() {
    wx.switchTab({ url: '/pages/feed/index' });
  },
});
