import Toast from '@vant/weapp/toast/toast';
import type { BrigadeDetail, Contact, MembershipStatus, ShareSource } from '../../typings/index';
import { hoursOf } from '../../typings/index';
import { brigades, fieldErrors, messageOf } from '../../services/index';
import type { PosterData } from '../../components/poster/layout';
import { formatDate, formatDateTime } from '../../utils/time';
import { loadRecord, recordPage, showLoadError } from '../../utils/record';
import { isSinglePage, sourceOf } from '../../utils/share';

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
  brand: string;
  story: string;
  /** 本年服务: people served and hours this calendar year. */
  yearServed: number;
  yearHours: string;
  upcoming: { postId: string; title: string; time: string; quota: number; confirmed: number }[];
  photos: { url: string; caption: string }[];
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
    brand: b.brand ?? '',
    story: b.story ?? '',
    yearServed: b.yearPeopleServed,
    yearHours: hoursOf(b.yearMinutes),
    upcoming: b.upcoming.map((p) => ({
      postId: p.postId,
      title: p.title,
      time: formatDateTime(p.startAt),
      quota: p.quota,
      confirmed: p.confirmedCount,
    })),
    photos: b.photos.map((p) => ({ url: p.url, caption: `${p.postTitle} · ${formatDate(p.at)}` })),
  };
}

/**
 * 大队主页: the brigade's brand and story, this year's service, its next services, photos of recorded services,
 * whom to contact, how to join, my status; leave; the leaders' tools and the brand editor.
 */
Page({
  ...recordPage,

  data: {
    loading: true,
    error: '',
    brigade: null as DetailView | null,
    leaving: false,
    poster: null as PosterData | null,
    posterShow: false,
    /** 朋友圈单页模式: the brigade read-only, with a hint to open the mini program. */
    singlePage: false,
    /** The leaders' brand editor: open, its fields, errors and saving. */
    editing: false,
    form: { brand: '', story: '' },
    formErrors: {} as Record<string, string>,
    saving: false,
  },

  brigadeId: '',
  /** Where the page was opened from (招募来源), passed on to an application: the feed unless the link says otherwise. */
  source: 'feed' as ShareSource,
  /** The brigade as loaded (its brand and story go on the poster when it has them). */
  detail: null as BrigadeDetail | null,

  onLoad(query: Record<string, string | undefined>) {
    this.brigadeId = query.brigadeId ?? '';
    this.source = sourceOf(query, 'feed');
    this.setData({ singlePage: isSinglePage() });
  },

  /** 申请加入: the join page without an invite (it sends a visitor to register first, then applies). */
  onApply() {
    wx.navigateTo({ url: `/pages/join/index?brigadeId=${this.brigadeId}&source=${this.source}` });
  },

  onShow() {
    void this.load();
  },

  onOpenPost(event: { currentTarget: { dataset: { id: string } } }) {
    wx.navigateTo({ url: `/pages/post/index?postId=${event.currentTarget.dataset.id}` });
  },

  onPreviewPhoto(event: { currentTarget: { dataset: { url: string } } }) {
    const urls = (this.data.brigade?.photos ?? []).map((p) => p.url);
    wx.previewImage({ urls, current: event.currentTarget.dataset.url });
  },

  onEditBrand() {
    const b = this.data.brigade;
    if (!b) return;
    this.setData({ editing: true, form: { brand: b.brand, story: b.story }, formErrors: {} });
  },

  onCancelBrand() {
    this.setData({ editing: false, formErrors: {} });
  },

  onBrandInput(event: { detail: string; currentTarget: { dataset: { field: 'brand' | 'story' } } }) {
    const field = event.currentTarget.dataset.field;
    this.setData({ [`form.${field}`]: event.detail, [`formErrors.${field}`]: '' });
  },

  async onSaveBrand() {
    if (this.data.saving) return;
    const brand = this.data.form.brand.trim();
    const story = this.data.form.story.trim();
    this.setData({ saving: true, formErrors: {} });
    try {
      await brigades.update({ brigadeId: this.brigadeId, brand, story }, { toast: false });
      Toast({ type: 'success', message: '已保存' });
      this.setData({ saving: false, editing: false });
      await this.load();
    } catch (error) {
      this.setData({ saving: false, formErrors: fieldErrors(error) });
      Toast({ type: 'fail', message: messageOf(error, '保存失败，请稍后重试'), duration: 3000 });
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
