import Toast from '@vant/weapp/toast/toast';
import { messageOf, needs, resources } from '../../../services/index';
import { TOWNS, type Town } from '../../../typings/data';
import type { PledgeStatus } from '../../../typings/resources';
import type { ValueEvent } from '../../../utils/events';
import { loadPaged, pagedList } from '../../../utils/paged';
import { toPledgeView, type PledgeView } from '../../giving-view';

interface Target {
  id: string;
  title: string;
  label: string;
}

const TABS: { value: PledgeStatus | ''; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'offered', label: '待匹配' },
  { value: 'matched', label: '待交接' },
  { value: 'handed', label: '已交接' },
];

const confirmed = (title: string, content: string, confirmText: string) =>
  new Promise<boolean>((resolve) =>
    wx.showModal({ title, content, confirmText, success: (r) => resolve(r.confirm), fail: () => resolve(false) }),
  );

/**
 * 物资捐赠: with `town`, a coordinator's (or hq's) list of the town's pledges with whom to call, 匹配 (to a wish on
 * the wall or an open plan of the town) and 已交接; without it, the caller's own pledges with 撤回 and 捐赠物资.
 */
Page({
  ...pagedList,

  data: {
    town: '' as Town | '',
    tabs: TABS,
    tab: '' as PledgeStatus | '',
    items: [] as PledgeView[],
    loading: false,
    loadingMore: false,
    error: '',
    nextCursor: '',
    busy: '',
    picking: '',
    targets: { wishes: [] as Target[], plans: [] as Target[] },
  },

  onLoad(query: Record<string, string | undefined>) {
    const town = TOWNS.find((t) => t === query.town) ?? '';
    this.setData({ town });
    wx.setNavigationBarTitle({ title: town ? `${town} · 物资捐赠` : '我的物资捐赠' });
  },

  onShow() {
    void this.load();
  },

  load(more = false) {
    const { town, tab } = this.data;
    const status = tab || undefined;
    return loadPaged(
      this,
      (cursor) =>
        town
          ? resources.pledges({ town, status, cursor }, { toast: false })
          : resources.pledges({ mine: true, cursor }, { toast: false }),
      toPledgeView,
      { more },
    );
  },

  onTab(event: ValueEvent<unknown, { value: PledgeStatus | '' }>) {
    const tab = event.currentTarget.dataset.value;
    if (tab === this.data.tab) return;
    this.setData({ tab });
    void this.load();
  },

  onNew() {
    wx.navigateTo({ url: '/resources/pages/pledge-form/index' });
  },

  onCall(event: ValueEvent<unknown, { phone: string }>) {
    wx.makePhoneCall({ phoneNumber: event.currentTarget.dataset.phone });
  },

  /** Opens the list of what the pledge can go to: the town's published wishes and open plans (two reads). */
  async onMatch(event: ValueEvent<unknown, { id: string }>) {
    const town = this.data.town;
    if (!town) return;
    this.setData({ picking: event.currentTarget.dataset.id });
    try {
      const [wishes, plans] = await Promise.all([
        resources.wishes({ town, status: 'published', pageSize: 50 }, { toast: false }),
        needs.plans({ town, status: 'open', pageSize: 50 }, { toast: false }),
      ]);
      this.setData({
        targets: {
          wishes: wishes.items.map((w) => ({
            id: w.wishId,
            title: w.title,
            label: `${w.recipient.displayName} · ${w.recipient.community}`,
          })),
          plans: plans.items.map((p) => ({
            id: p.planId,
            title: `${p.recipient.displayName}的服务计划`,
            label: `${p.recipient.community} · ${p.brigadeName}`,
          })),
        },
      });
    } catch (error) {
      this.setData({ picking: '' });
      Toast({ type: 'fail', message: messageOf(error) });
    }
  },

  onCloseMatch() {
    this.setData({ picking: '', targets: { wishes: [], plans: [] } });
  },

  async onTarget(event: ValueEvent<unknown, { wish?: string; plan?: string }>) {
    const { wish, plan } = event.currentTarget.dataset;
    const pledgeId = this.data.picking;
    this.onCloseMatch();
    await this.act(
      pledgeId,
      () => resources.matchPledge({ pledgeId, ...(wish ? { wishId: wish } : { planId: plan }) }, { toast: false }),
      '已匹配，请联系捐赠人约定取货',
    );
  },

  async onHandOver(event: ValueEvent<unknown, { id: string }>) {
    const pledgeId = event.currentTarget.dataset.id;
    if (!(await confirmed('确认交接', '物资已送达受助方了吗？确认后计入公益榜。', '已交接'))) return;
    await this.act(pledgeId, () => resources.handOverPledge({ pledgeId }, { toast: false }), '已标记交接');
  },

  async onWithdraw(event: ValueEvent<unknown, { id: string }>) {
    const pledgeId = event.currentTarget.dataset.id;
    if (!(await confirmed('撤回捐赠', '确定撤回这批物资吗？', '撤回'))) return;
    await this.act(pledgeId, () => resources.withdrawPledge({ pledgeId }, { toast: false }), '已撤回');
  },

  async act(pledgeId: string, call: () => Promise<unknown>, done: string) {
    if (this.data.busy) return;
    this.setData({ busy: pledgeId });
    try {
      await call();
      Toast({ type: 'success', message: done });
      await this.load();
    } catch (error) {
      Toast({ type: 'fail', message: messageOf(error) });
    }
    this.setData({ busy: '' });
  },
});
