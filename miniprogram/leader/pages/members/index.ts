import Toast from '@vant/weapp/toast/toast';
import type { ListedMember, MembershipStatus } from '../../../typings/index';
import { brigades } from '../../../services/index';
import { formatDay } from '../../../utils/time';
import { loadPaged, pagedList } from '../../../utils/paged';
import {
  NO_FILTERS,
  isFiltered,
  requestOf,
  slotChoices,
  specialtyOptions,
  titlesOf,
  townChoices,
  weekdayChoices,
  type Filters,
} from './filters';

interface MemberView {
  volunteerId: string;
  name: string;
  cardNo: string;
  mobile: string;
  specialties: string[];
  /** The community, or the town when none was given. */
  place: string;
  /** The server sends the full number only to the brigade's leaders: then it can be called. */
  callable: boolean;
  joined: string;
}

const toMemberView = (m: ListedMember): MemberView => ({
  volunteerId: m.volunteerId,
  name: m.name,
  cardNo: m.cardNo,
  mobile: m.mobile,
  specialties: m.specialties,
  place: m.community ? `${m.town}·${m.community}` : m.town,
  callable: /^1\d{10}$/.test(m.mobile),
  joined: formatDay(m.joinedAt),
});

const PAGE_SIZE = 30;

type Dataset<T> = { currentTarget: { dataset: T } };

/**
 * 成员管理: pending applications to approve or reject, and the active members (tap a number to call), filtered
 * by 专长, 镇区/社区 and 有空时段.
 */
Page({
  ...pagedList,

  data: {
    brigadeId: '',
    brigadeName: '',
    tab: 'pending' as MembershipStatus,
    items: [] as MemberView[],
    loading: false,
    error: '',
    nextCursor: '',
    loadingMore: false,
    /** volunteerId being reviewed right now. */
    reviewing: '',
    filters: NO_FILTERS,
    /** What the open 镇区/社区 or 有空时段 panel holds until 确定. */
    draft: NO_FILTERS,
    filtered: false,
    titles: titlesOf(NO_FILTERS),
    specialtyOptions,
    townChoices,
    weekdayChoices,
    slotChoices,
  },

  /** `tab` and `specialty` open the list already narrowed (a link from elsewhere, the preview). */
  onLoad(query: Record<string, string | undefined>) {
    const filters = { ...NO_FILTERS, specialty: query.specialty ?? '' };
    this.setData({
      brigadeId: query.brigadeId ?? '',
      ...(query.tab === 'active' ? { tab: 'active' } : {}),
      ...this.filterData(filters),
    });
  },

  filterData(filters: Filters) {
    // Copies: a path update of the draft (`draft.weekday`) must never reach the filters applied.
    return { filters: { ...filters }, draft: { ...filters }, filtered: isFiltered(filters), titles: titlesOf(filters) };
  },

  applyFilters(filters: Filters) {
    this.setData(this.filterData(filters));
    void this.load();
  },

  onSpecialty(event: { detail: string }) {
    this.applyFilters({ ...this.data.filters, specialty: event.detail });
  },

  /** A panel closed without 确定 forgets what was picked in it. */
  onPanelClose() {
    this.setData({ draft: { ...this.data.filters } });
  },

  onDraft(event: Dataset<{ field: 'town' | 'weekday' | 'slot'; value: string | number }>) {
    const { field, value } = event.currentTarget.dataset;
    this.setData({ [`draft.${field}`]: value });
  },

  onCommunity(event: { detail: string }) {
    this.setData({ 'draft.community': event.detail });
  },

  onPanelConfirm(event: Dataset<{ panel: string }>) {
    const panel = event.currentTarget.dataset.panel;
    const item = this.selectComponent(`#filter-${panel}`) as unknown as { toggle(show: boolean): void } | null;
    item?.toggle(false);
    this.applyFilters(this.data.draft);
  },

  onClearFilters() {
    this.applyFilters(NO_FILTERS);
  },

  onBrigade(event: { detail: { brigadeId: string; name: string } }) {
    this.setData({ brigadeId: event.detail.brigadeId, brigadeName: event.detail.name });
    void this.load();
  },

  async load(more = false) {
    const { brigadeId, tab, filters } = this.data;
    if (!brigadeId) return;
    // The pending applications are reviewed as they come: the filters narrow the active members only.
    const narrow = tab === 'active' ? requestOf(filters) : {};
    await loadPaged(
      this,
      (cursor) =>
        brigades.members(
          { brigadeId, status: tab, pageSize: PAGE_SIZE, ...narrow, ...(cursor ? { cursor } : {}) },
          { toast: false },
        ),
      toMemberView,
      { more },
    );
  },

  onTab(event: { currentTarget: { dataset: { name: MembershipStatus } } }) {
    if (event.currentTarget.dataset.name === this.data.tab) return;
    this.setData({ tab: event.currentTarget.dataset.name });
    void this.load();
  },

  async review(volunteerId: string, approve: boolean) {
    if (this.data.reviewing) return;
    this.setData({ reviewing: volunteerId });
    try {
      await brigades.review({ brigadeId: this.data.brigadeId, volunteerId, approve });
      this.setData({ reviewing: '', items: this.data.items.filter((m) => m.volunteerId !== volunteerId) });
      Toast({ type: 'success', message: approve ? '已通过，对方成为正式队员' : '已拒绝该申请' });
    } catch {
      this.setData({ reviewing: '' });
    }
  },

  onApprove(event: { currentTarget: { dataset: { id: string } } }) {
    void this.review(event.currentTarget.dataset.id, true);
  },

  onReject(event: { currentTarget: { dataset: { id: string; name: string } } }) {
    const { id, name } = event.currentTarget.dataset;
    wx.showModal({
      title: '拒绝入队申请',
      content: `确定拒绝 ${name} 的入队申请吗？`,
      confirmText: '拒绝',
      confirmColor: '#ee0a24',
      success: (res) => {
        if (res.confirm) void this.review(id, false);
      },
    });
  },

  onCall(event: { currentTarget: { dataset: { mobile: string } } }) {
    wx.makePhoneCall({ phoneNumber: event.currentTarget.dataset.mobile });
  },

  onTool(event: { currentTarget: { dataset: { page: string } } }) {
    wx.navigateTo({ url: `/leader/pages/${event.currentTarget.dataset.page}/index?brigadeId=${this.data.brigadeId}` });
  },
});
