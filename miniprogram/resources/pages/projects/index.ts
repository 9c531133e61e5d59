import { resources, volunteers } from '../../../services/index';
import type { ValueEvent } from '../../../utils/events';
import { loadPaged, pagedList } from '../../../utils/paged';
import { MONEY_NOTE, toProjectView, type ProjectView } from '../../giving-view';

type Tab = 'active' | 'ended';

/**
 * 公益项目: charity projects on the platforms the Ministry of Civil Affairs designated; the app links, never takes
 * money. hq also sees ended ones and adds projects.
 */
Page({
  ...pagedList,

  data: {
    moneyNote: MONEY_NOTE,
    hq: false,
    tabs: [
      { value: 'active', label: '进行中' },
      { value: 'ended', label: '已结束' },
    ] as { value: Tab; label: string }[],
    tab: 'active' as Tab,
    items: [] as ProjectView[],
    loading: false,
    loadingMore: false,
    error: '',
    nextCursor: '',
  },

  onLoad() {
    void volunteers
      .me({}, { toast: false })
      .then((me) => this.setData({ hq: me.roles.includes('hq') }))
      .catch(() => undefined);
  },

  onShow() {
    void this.load();
  },

  load(more = false) {
    const status = this.data.tab;
    return loadPaged(this, (cursor) => resources.projects({ status, cursor }, { toast: false }), toProjectView, {
      more,
    });
  },

  onTab(event: ValueEvent<unknown, { value: Tab }>) {
    const tab = event.currentTarget.dataset.value;
    if (tab === this.data.tab) return;
    this.setData({ tab });
    void this.load();
  },

  onOpen(event: ValueEvent<unknown, { id: string }>) {
    wx.navigateTo({ url: `/resources/pages/project/index?projectId=${event.currentTarget.dataset.id}` });
  },

  onNew() {
    wx.navigateTo({ url: '/resources/pages/project/index?edit=1' });
  },
});
