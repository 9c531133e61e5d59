import Toast from '@vant/weapp/toast/toast';
import { CARD_NO_PATTERN, TOWNS, type Town, type TownCoordinators } from '../../../typings/index';
import { brigades, fieldErrors, messageOf } from '../../../services/index';
import { loadRecord, recordPage } from '../../../utils/record';

/** 总队 · 镇区协调员: each town's coordinators (社工); appoint one by card number, or remove one after confirming. */
Page({
  ...recordPage,

  data: {
    loading: true,
    error: '',
    items: [] as TownCoordinators[],
    towns: [...TOWNS] as string[],
    town: '',
    cardNo: '',
    errors: { town: '', cardNo: '' },
    saving: false,
  },

  onLoad() {
    void this.load();
  },

  load() {
    return loadRecord(
      this,
      () => brigades.coordinators({}, { toast: false }),
      ({ items }) => ({ items }),
      { keep: this.data.items.length > 0 },
    );
  },

  onInput(event: { detail: string }) {
    this.setData({ cardNo: event.detail, 'errors.cardNo': '' });
  },

  onTown(event: { detail: { value: string } }) {
    this.setData({ town: TOWNS[Number(event.detail.value)] ?? '', 'errors.town': '' });
  },

  async onAppoint() {
    if (this.data.saving) return;
    const cardNo = this.data.cardNo.trim().toUpperCase();
    const errors = {
      town: this.data.town ? '' : '请选择镇区',
      cardNo: CARD_NO_PATTERN.test(cardNo) ? '' : '请填写正确的义工证号，如 ZSBA-2026-000123',
    };
    this.setData({ errors });
    if (errors.town || errors.cardNo) return;
    await this.save(this.data.town as Town, cardNo, false);
  },

  onRemove(event: { currentTarget: { dataset: { town: Town; card: string; name: string } } }) {
    const { town, card, name } = event.currentTarget.dataset;
    wx.showModal({
      title: '撤销协调员',
      content: `确定撤销 ${name} 的${town}协调员身份吗？`,
      confirmText: '撤销',
      confirmColor: '#ee0a24',
      success: (res) => {
        if (res.confirm) void this.save(town, card, true);
      },
    });
  },

  async save(town: Town, cardNo: string, remove: boolean) {
    this.setData({ saving: true });
    try {
      const result = await brigades.setCoordinator(
        { town, cardNo, ...(remove ? { remove: true } : {}) },
        { toast: false },
      );
      const others = this.data.items.filter((t) => t.town !== town);
      const items = [...others, result].filter((t) => t.coordinators.length > 0);
      items.sort((a, b) => TOWNS.indexOf(a.town) - TOWNS.indexOf(b.town));
      this.setData({ saving: false, items, ...(remove ? {} : { cardNo: '' }) });
      Toast({ type: 'success', message: remove ? '已撤销' : '已任命' });
    } catch (error) {
      const message = messageOf(error, '操作失败，请稍后重试');
      this.setData({ saving: false, 'errors.cardNo': remove ? '' : (fieldErrors(error).cardNo ?? message) });
      if (remove) Toast({ type: 'fail', message });
    }
  },
});
