import Toast from '@vant/weapp/toast/toast';
import { CARD_NO_PATTERN, TOWNS, type Brigade, type JoinMode, type Town } from '../../../typings/index';
import { brigades, fieldErrors, messageOf } from '../../../services/index';
import { loadRecord, recordPage } from '../../../utils/record';

interface FormErrors {
  name: string;
  town: string;
  cardNo: string;
}

const noErrors = (): FormErrors => ({ name: '', town: '', cardNo: '' });

/**
 * 总队 · 大队: without `brigadeId`, create a brigade (name, town, join mode); with it, the brigade's leaders:
 * appoint one by card number, or remove one.
 */
Page({
  ...recordPage,

  data: {
    brigadeId: '',
    loading: false,
    error: '',
    brigade: null as Brigade | null,
    name: '',
    town: '',
    joinMode: 'open' as JoinMode,
    description: '',
    towns: [...TOWNS] as string[],
    showTown: false,
    cardNo: '',
    errors: noErrors(),
    saving: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    const brigadeId = query.brigadeId ?? '';
    this.setData({ brigadeId });
    wx.setNavigationBarTitle({ title: brigadeId ? '大队负责人' : '新建大队' });
    if (brigadeId) void this.load();
  },

  load() {
    return loadRecord(
      this,
      () => brigades.get({ brigadeId: this.data.brigadeId }, { toast: false }),
      (brigade) => ({ brigade }),
    );
  },

  onInput(event: { detail: string; currentTarget: { dataset: { field: 'name' | 'description' | 'cardNo' } } }) {
    const field = event.currentTarget.dataset.field;
    this.setData({ [field]: event.detail, [`errors.${field}`]: '' });
  },

  onOpenTown() {
    this.setData({ showTown: true });
  },
  onCloseTown() {
    this.setData({ showTown: false });
  },
  onTownConfirm(event: { detail: { value: string } }) {
    this.setData({ town: event.detail.value, 'errors.town': '', showTown: false });
  },

  onJoinMode(event: { detail: JoinMode }) {
    this.setData({ joinMode: event.detail });
  },

  async onCreate() {
    if (this.data.saving) return;
    const name = this.data.name.trim();
    const errors = { ...noErrors(), name: name ? '' : '请填写大队名称', town: this.data.town ? '' : '请选择所属镇区' };
    if (errors.name || errors.town) {
      this.setData({ errors });
      return;
    }
    this.setData({ saving: true, errors: noErrors() });
    try {
      const description = this.data.description.trim();
      const brigade = await brigades.create(
        {
          name,
          town: this.data.town as Town,
          joinMode: this.data.joinMode,
          ...(description ? { description } : {}),
        },
        { toast: false },
      );
      Toast({ type: 'success', message: '大队已建立，请任命负责人' });
      this.setData({ saving: false, brigadeId: brigade.brigadeId, brigade });
      wx.setNavigationBarTitle({ title: '大队负责人' });
    } catch (error) {
      const fields = fieldErrors(error);
      this.setData({ saving: false, errors: { ...noErrors(), name: fields.name ?? '', town: fields.town ?? '' } });
      Toast({ type: 'fail', message: messageOf(error, '保存失败，请稍后重试') });
    }
  },

  async onAppoint() {
    if (this.data.saving) return;
    const cardNo = this.data.cardNo.trim().toUpperCase();
    if (!CARD_NO_PATTERN.test(cardNo)) {
      this.setData({ 'errors.cardNo': '请填写正确的义工证号，如 ZSBA-2026-000123' });
      return;
    }
    await this.setLeader(cardNo, false);
  },

  onRemove(event: { currentTarget: { dataset: { card: string; name: string } } }) {
    const { card, name } = event.currentTarget.dataset;
    wx.showModal({
      title: '撤销负责人',
      content: `确定撤销 ${name} 的负责人身份吗？对方仍是该大队队员。`,
      confirmText: '撤销',
      confirmColor: '#ee0a24',
      success: (res) => {
        if (res.confirm) void this.setLeader(card, true);
      },
    });
  },

  async setLeader(cardNo: string, remove: boolean) {
    this.setData({ saving: true });
    try {
      const brigadeId = this.data.brigadeId;
      await brigades.setLeader({ brigadeId, cardNo, ...(remove ? { remove: true } : {}) }, { toast: false });
      // Appointing makes the leader a member: read the brigade again so its member count is right too.
      const brigade = await brigades.get({ brigadeId }, { toast: false });
      this.setData({ saving: false, cardNo: '', brigade });
      Toast({ type: 'success', message: remove ? '已撤销' : '已任命' });
    } catch (error) {
      const fields = fieldErrors(error);
      const message = messageOf(error, '操作失败，请稍后重试');
      this.setData({ saving: false, 'errors.cardNo': fields.cardNo ?? (remove ? '' : message) });
      if (remove) Toast({ type: 'fail', message });
    }
  },
});
