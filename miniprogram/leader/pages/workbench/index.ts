import type { BrigadePost, BrigadePostState } from '../../../typings/index';
import { posts, volunteers } from '../../../services/index';
import { loadPaged, pagedList } from '../../../utils/paged';
import { TABS, toRow, type WorkbenchRow } from './view';

const PAGE_SIZE = 20;

/** 大队工作台: the brigade's services in each state with roster, check-in code and recording, and the tools. */
Page({
  ...pagedList,

  data: {
    brigadeId: '',
    tabs: TABS,
    tab: 'upcoming' as BrigadePostState,
    empty: TABS[0].empty,
    items: [] as WorkbenchRow[],
    loading: false,
    error: '',
    nextCursor: '',
    loadingMore: false,
    /** Qualifications waiting in the brigade's 资格审核 (a hint: 0 when it cannot be read). */
    pendingQuals: 0,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ brigadeId: query.brigadeId ?? '' });
  },

  onShow() {
    // Back from 录入 or 发布招募: the lists may have changed.
    if (this.data.brigadeId && this.data.items.length) void this.load(false, true);
    if (this.data.brigadeId) void this.countQuals();
  },

  onBrigade(event: { detail: { brigadeId: string } }) {
    this.setData({ brigadeId: event.detail.brigadeId, pendingQuals: 0 });
    void this.load();
    void this.countQuals();
  },

  /** The badge on 资格审核: how many of the brigade's qualifications wait for review. */
  async countQuals() {
    const { brigadeId } = this.data;
    const page = await volunteers.qualificationQueue({ brigadeId, pageSize: 1 }, { toast: false }).catch(() => null);
    if (page && brigadeId === this.data.brigadeId) this.setData({ pendingQuals: page.total ?? 0 });
  },

  onTab(event: { currentTarget: { dataset: { name: BrigadePostState } } }) {
    const tab = event.currentTarget.dataset.name;
    if (tab === this.data.tab) return;
    this.setData({ tab, empty: TABS.find((t) => t.name === tab)?.empty ?? '' });
    void this.load();
  },

  async load(more = false, keepItems = false) {
    const { brigadeId, tab } = this.data;
    if (!brigadeId) return;
    await loadPaged(
      this,
      (cursor) =>
        posts.ofBrigade(
          { brigadeId, state: tab, pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
          { toast: false },
        ),
      (post: BrigadePost) => toRow(post, tab),
      { more, keepItems },
    );
  },

  onTool(event: { currentTarget: { dataset: { page: string } } }) {
    wx.navigateTo({ url: `/leader/pages/${event.currentTarget.dataset.page}/index?brigadeId=${this.data.brigadeId}` });
  },

  /** The brigade's service plans (供需配对), on the coordinator's pages, which check the leader's brigade. */
  onPlans() {
    wx.navigateTo({ url: `/coordinator/pages/plans/index?brigadeId=${this.data.brigadeId}` });
  },

  onQuals() {
    wx.navigateTo({ url: `/quals/pages/review/index?brigadeId=${this.data.brigadeId}` });
  },

  onPost(event: { currentTarget: { dataset: { id: string; page: string } } }) {
    const { id, page } = event.currentTarget.dataset;
    const url = page === 'post' ? `/pages/post/index?postId=${id}` : `/leader/pages/${page}/index?postId=${id}`;
    wx.navigateTo({ url });
  },
});
