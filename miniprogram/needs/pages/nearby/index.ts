import Toast from '@vant/weapp/toast/toast';
import { messageOf, needs } from '../../../services/index';
import type { ValueEvent } from '../../../utils/events';
import { loadPaged, pagedList } from '../../../utils/paged';
import { askSubscription, prepareSubscription, reportSubscription } from '../../../utils/subscribe';
import { toNearbyView, type NearbyView } from '../../view';

/** 附近需求: open needs of my towns that fit my specialties and time, the recipient masked; 我要帮忙 报名. */
Page({
  ...pagedList,

  data: {
    items: [] as NearbyView[],
    loading: false,
    loadingMore: false,
    error: '',
    nextCursor: '',
    busy: '',
  },

  onLoad() {
    void prepareSubscription();
  },

  onShow() {
    void this.load();
  },

  async load(more = false) {
    await loadPaged(this, (cursor) => needs.nearby({ cursor }, { toast: false }), toNearbyView, { more });
  },

  onHelp(event: ValueEvent<unknown, { index: number }>) {
    const index = event.currentTarget.dataset.index;
    const item = this.data.items[index];
    if (!item || this.data.busy) return;
    // Asked inside the tap, so the coordinator's 结对邀请 reaches the volunteer.
    const asked = askSubscription(['notice']);
    void this.offer(item, index, asked);
  },

  async offer(item: NearbyView, index: number, asked: Promise<string[]>) {
    this.setData({ busy: item.key });
    try {
      await needs.offerHelp({ planId: item.planId, serviceId: item.serviceId }, { toast: false });
      this.setData({ [`items[${index}].offered`]: true, [`items[${index}].statusText`]: '已报名帮忙，等待社工安排' });
      Toast({ type: 'success', message: '已报名帮忙，等待社工安排', duration: 2000 });
      await reportSubscription({ kind: 'needs' }, await asked);
    } catch (error) {
      Toast({ type: 'fail', message: messageOf(error), duration: 3000 });
    }
    this.setData({ busy: '' });
  },
});
