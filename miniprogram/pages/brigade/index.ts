import Toast from '@vant/weapp/toast/toast';
import type { BrigadeDetail, Contact, MembershipStatus } from '../../typings/index';
import { brigades, messageOf, posts } from '../../services/index';
import type { PosterData } from '../../components/poster/layout';
import { toPostCardView, type PostCardView } from '../../components/post-card/view';
import { loadRecord, recordPage, showLoadError } from '../../utils/record';
import { isSinglePage } from '../../utils/share';

interface DetailView {
  brigadeId: string;
  name: string;
  town: string;
  description: string;
  leaders: { name: string; cardNo: string }[];
  memberCount: number;
  reviewed: boolean;
  iLead: boolean;
  status: MembershipStatus | '';
  statusText: string;
  contact: Contact | null;
}

const STATUS_TEXT: Record<MembershipStatus, string> = {
  active: '已加入',
  pending: '等待负责人审核',
  rejected: '申请未通过',
  left: '已退出',
};

function toDetail(b: BrigadeDetail): DetailView {
  return {
    brigadeId: b.brigadeId,
    name: b.name,
    town: b.town,
    description: b.description ?? '',
    leaders: b.leaders.map((l) => ({ name: l.name, cardNo: l.cardNo })),
    memberCount: b.memberCount,
    reviewed: b.joinMode === 'review',
    iLead: b.iLead,
    status: b.myStatus ?? '',
    statusText: b.myStatus ? STATUS_TEXT[b.myStatus] : '未加入',
    contact: b.contact ?? null,
  };
}

/** How many upcoming services the page lists. */
const UPCOMING = 5;

/** 大队详情: leaders, members, upcoming services, how to join, my status; leave; the leader's tools. */
Page({
  ...recordPage,

  data: {
    loading: true,
    error: '',
    brigade: null as DetailView | null,
    leaving: false,
    /** The brigade's upcoming services, soonest first. */
    services: [] as PostCardView[],
    moreServices: false,
    poster: null as PosterData | null,
    posterShow: false,
    /** 朋友圈单页模式: the brigade read-only, with a hint to open the mini program. */
    singlePage: false,
  },

  brigadeId: '',
  /** The brigade as loaded (its brand and story go on the poster when it has them). */
  detail: null as BrigadeDetail | null,

  onLoad(query: Record<string, string | undefined>) {
    this.brigadeId = query.brigadeId ?? '';
    this.setData({ singlePage: isSinglePage() });
  },

  onShow() {
    void this.load();
    void this.loadServices();
  },

  /** Upcoming services; not knowing them only leaves the section out. */
  async loadServices() {
    if (!this.brigadeId) return;
    try {
      const page = await posts.list({ brigadeId: this.brigadeId, pageSize: UPCOMING }, { toast: false });
      this.setData({ services: page.items.map(toPostCardView), moreServices: !!page.nextCursor });
    } catch {
      this.setData({ services: [], moreServices: false });
    }
  },

  async load() {
    const { brigadeId } = this;
    if (!brigadeId) {
      showLoadError(this, '没有指定大队，请从大队列表进入');
      return;
    }
    await loadRecord(
      this,
      () => brigades.get({ brigadeId }, { toast: false }),
      (brigade) => {
        this.detail = brigade;
        return { brigade: toDetail(brigade) };
      },
      { keep: !!this.data.brigade },
    );
  },

  onLeave() {
    const brigade = this.data.brigade;
    if (!brigade || this.data.leaving) return;
    wx.showModal({
      title: '退出大队',
      content: `确定退出「${brigade.name}」吗？退出后不再收到该大队的队内招募，已记录的服务时长不受影响。`,
      confirmText: '退出',
      confirmColor: '#ee0a24',
      success: (res) => {
        if (res.confirm) void this.leave();
      },
    });
  },

  async leave() {
    this.setData({ leaving: true });
    try {
      await brigades.leave({ brigadeId: this.brigadeId });
      Toast({ type: 'success', message: '已退出大队' });
      this.setData({ leaving: false });
      await this.load();
    } catch {
      this.setData({ leaving: false });
    }
  },

  /** 生成招募海报 (leaders): a fresh invite's mini program code on a poster with the brigade's brand and story. */
  async onPoster() {
    const brigade = this.detail;
    if (!brigade) return;
    Toast.loading({ message: '正在生成…', forbidClick: true, duration: 0 });
    try {
      const { code } = await brigades.poster({ brigadeId: this.brigadeId }, { toast: false });
      const poster: PosterData = {
        kind: 'brigade',
        title: brigade.name,
        place: brigade.town,
        memberCount: brigade.memberCount,
        brand: brigade.brand,
        story: brigade.story ?? brigade.description,
        code,
      };
      Toast.clear();
      this.setData({ poster, posterShow: true });
    } catch (error) {
      Toast({ type: 'fail', message: messageOf(error), duration: 3000 });
    }
  },

  onPosterClose() {
    this.setData({ posterShow: false });
  },

  onLeaderTool(event: { currentTarget: { dataset: { page: string } } }) {
    wx.navigateTo({ url: `/leader/pages/${event.currentTarget.dataset.page}/index?brigadeId=${this.brigadeId}` });
  },

  onShareAppMessage() {
    const brigade = this.data.brigade;
    return {
      title: brigade ? `${brigade.name}｜博爱义工` : '博爱义工大队',
      path: `/pages/brigade/index?brigadeId=${this.brigadeId}&source=chat`,
    };
  },

  /** 分享到朋友圈: the brigade opens in single-page mode, read-only. */
  onShareTimeline() {
    const brigade = this.data.brigade;
    return {
      title: brigade ? `${brigade.name}招募义工` : '博爱义工大队',
      query: `brigadeId=${this.brigadeId}&source=moments`,
    };
  },
});
