import { needs } from '../../../services/index';
import type { ListPlansRequest } from '../../../typings/api/needs';
import type { Town } from '../../../typings/index';
import type { Plan } from '../../../typings/needs';
import type { ValueEvent } from '../../../utils/events';
import { loadPaged, pagedList } from '../../../utils/paged';
import { formatDay } from '../../../utils/time';

type Tab = 'open' | 'review' | 'closed';

interface PlanRow {
  planId: string;
  title: string;
  meta: string;
  review: string;
  overdue: boolean;
  closed: boolean;
  services: { key: string; text: string; short: boolean }[];
}

function toRow(p: Plan): PlanRow {
  const overdue = p.status === 'open' && p.reviewAt !== undefined && p.reviewAt < Date.now();
  return {
    planId: p.planId,
    title: p.recipient.displayName,
    meta: `${p.recipient.community} · ${p.brigadeName}`,
    review:
      p.status === 'closed'
        ? '已结案'
        : p.reviewAt
          ? `复评 ${formatDay(p.reviewAt)}${overdue ? '（已逾期）' : ''}`
          : '',
    overdue,
    closed: p.status === 'closed',
    services: p.services.map((s) => ({
      key: s.serviceId,
      text: `${s.category} 已结对 ${s.acceptedCount}/${s.people}`,
      short: s.status === 'open',
    })),
  };
}

const REQUESTS: Record<Tab, ListPlansRequest> = {
  open: { status: 'open' },
  review: { status: 'open', dueForReview: true },
  closed: { status: 'closed' },
};

/**
 * 服务计划: the town's plans by state (进行中 / 待复评 / 已结案), or one brigade's for its leader (`brigadeId`);
 * `open=1` keeps those still needing carers.
 */
Page({
  ...pagedList,

  data: {
    town: '' as Town | '',
    brigadeId: '',
    onlyOpen: false,
    tab: 'open' as Tab,
    tabs: [
      { value: 'open', label: '进行中' },
      { value: 'review', label: '待复评' },
      { value: 'closed', label: '已结案' },
    ],
    items: [] as PlanRow[],
    loading: false,
    loadingMore: false,
    error: '',
    nextCursor: '',
  },

  onLoad(query: Record<string, string | undefined>) {
    const onlyOpen = query.open === '1';
    this.setData({ town: (query.town ?? '') as Town | '', brigadeId: query.brigadeId ?? '', onlyOpen });
    if (onlyOpen) wx.setNavigationBarTitle({ title: '待配对' });
  },

  onShow() {
    void this.load();
  },

  onTab(event: ValueEvent<unknown, { value: Tab }>) {
    this.setData({ tab: event.currentTarget.dataset.value, onlyOpen: false });
    void this.load();
  },

  async load(more = false) {
    const { town, brigadeId, tab, onlyOpen } = this.data;
    const request = { ...REQUESTS[tab], ...(brigadeId ? { brigadeId } : town ? { town } : {}) };
    await loadPaged(
      this,
      async (cursor) => {
        const page = await needs.plans({ ...request, cursor }, { toast: false });
        if (!onlyOpen) return page;
        return { ...page, items: page.items.filter((p) => p.services.some((s) => s.status === 'open')) };
      },
      toRow,
      { more },
    );
  },
});
