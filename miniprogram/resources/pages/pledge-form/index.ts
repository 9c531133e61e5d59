import Toast from '@vant/weapp/toast/toast';
import { fieldErrors, messageOf, resources } from '../../../services/index';
import { GOODS_CONDITIONS, GOODS_CONDITION_LABELS, PLEDGE_LIMITS, TOWNS, type Town } from '../../../typings/data';
import type { GoodsCondition } from '../../../typings/resources';
import { newRequestId } from '../../../utils/request-id';
import { dayEnd, dayStart, dayValue } from '../../giving-view';

const DAY = 86_400_000;

interface Form {
  what: string;
  quantity: number;
  unit: string;
  condition: GoodsCondition;
  town: string;
  /** YYYY-MM-DD (Shanghai): the first and last day the goods can be picked up. */
  from: string;
  to: string;
  note: string;
}

const noErrors = () => ({ what: '', unit: '', town: '', pickupTo: '', note: '' });

/** 捐赠物资: what, how many, its condition, the town and the days it can be picked up; one requestId per form. */
Page({
  data: {
    form: {} as Form,
    errors: noErrors(),
    conditions: GOODS_CONDITIONS.map((value) => ({ value, label: GOODS_CONDITION_LABELS[value] })),
    quantityMax: PLEDGE_LIMITS.quantityMax,
    towns: [...TOWNS] as string[],
    today: '',
    showTown: false,
    saving: false,
  },

  requestId: '',

  onLoad(query: Record<string, string | undefined>) {
    this.requestId = newRequestId();
    const now = Date.now();
    const town = TOWNS.find((t) => t === query.town) ?? '';
    this.setData({
      today: dayValue(now),
      form: {
        what: '',
        quantity: 1,
        unit: '',
        condition: 'new',
        town,
        from: dayValue(now + DAY),
        to: dayValue(now + 7 * DAY),
        note: '',
      },
    });
  },

  onInput(event: { detail: string; currentTarget: { dataset: { field: 'what' | 'unit' | 'note' } } }) {
    const field = event.currentTarget.dataset.field;
    this.setData({ [`form.${field}`]: event.detail, [`errors.${field}`]: '' });
  },

  onQuantity(event: { detail: number | string }) {
    this.setData({ 'form.quantity': Number(event.detail) || 1 });
  },

  onCondition(event: { currentTarget: { dataset: { value: GoodsCondition } } }) {
    this.setData({ 'form.condition': event.currentTarget.dataset.value });
  },

  onDay(event: { detail: { value: string }; currentTarget: { dataset: { field: 'from' | 'to' } } }) {
    const field = event.currentTarget.dataset.field;
    const value = event.detail.value;
    const update: Record<string, string> = { [`form.${field}`]: value, 'errors.pickupTo': '' };
    // A start after the end moves the end with it.
    if (field === 'from' && value > this.data.form.to) update['form.to'] = value;
    this.setData(update);
  },

  onOpenTown() {
    this.setData({ showTown: true });
  },
  onCloseTown() {
    this.setData({ showTown: false });
  },
  onTownConfirm(event: { detail: { value: string } }) {
    this.setData({ 'form.town': event.detail.value, 'errors.town': '', showTown: false });
  },

  async onSubmit() {
    if (this.data.saving) return;
    const form = this.data.form;
    const errors = {
      ...noErrors(),
      what: form.what.trim() ? '' : '请填写物品名称',
      unit: form.unit.trim() ? '' : '请填写单位',
      town: form.town ? '' : '请选择镇区',
    };
    if (errors.what || errors.unit || errors.town) {
      this.setData({ errors });
      return;
    }
    this.setData({ saving: true, errors: noErrors() });
    try {
      const note = form.note.trim();
      await resources.savePledge(
        {
          what: form.what.trim(),
          quantity: form.quantity,
          unit: form.unit.trim(),
          condition: form.condition,
          town: form.town as Town,
          pickupFrom: dayStart(form.from),
          pickupTo: dayEnd(form.to),
          ...(note ? { note } : {}),
          requestId: this.requestId,
        },
        { toast: false },
      );
      this.setData({ saving: false });
      Toast({ type: 'success', message: '感谢您的捐赠，社工会与您联系' });
      setTimeout(() => wx.navigateBack({}), 800);
    } catch (error) {
      const fields = fieldErrors(error);
      this.setData({ saving: false, errors: { ...noErrors(), ...fields } });
      Toast({ type: 'fail', message: messageOf(error, '提交失败，请稍后重试') });
    }
  },
});
