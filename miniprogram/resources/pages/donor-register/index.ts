import Toast from '@vant/weapp/toast/toast';
import { fieldErrors, messageOf, resources } from '../../../services/index';
import { TOWNS, type Town } from '../../../typings/data';

interface Form {
  name: string;
  creditCode: string;
  contactName: string;
  contactMobile: string;
  town: string;
  publicThanks: boolean;
}

type TextField = 'name' | 'creditCode' | 'contactName' | 'contactMobile';
const FIELDS: TextField[] = ['name', 'creditCode', 'contactName', 'contactMobile'];
const noErrors = (): Record<TextField, string> => ({ name: '', creditCode: '', contactName: '', contactMobile: '' });

/** What is missing before the form is sent (the function checks the rest, the credit code's check digit too). */
function missing(form: Form): Record<TextField, string> {
  return {
    name: form.name.trim() ? '' : '请填写企业名称',
    creditCode: form.creditCode.trim() ? '' : '请填写统一社会信用代码',
    contactName: form.contactName.trim() ? '' : '请填写联系人',
    contactMobile: /^1[3-9]\d{9}$/.test(form.contactMobile.trim()) ? '' : '请填写 11 位手机号',
  };
}

/** 爱心企业登记: a company's name, 统一社会信用代码, contact and consent to be thanked; hq reviews it. */
Page({
  data: {
    form: { name: '', creditCode: '', contactName: '', contactMobile: '', town: '', publicThanks: true } as Form,
    errors: noErrors(),
    towns: [...TOWNS] as string[],
    showTown: false,
    saving: false,
  },

  onInput(event: { detail: string; currentTarget: { dataset: { field: TextField } } }) {
    const field = event.currentTarget.dataset.field;
    this.setData({ [`form.${field}`]: event.detail, [`errors.${field}`]: '' });
  },

  onThanks(event: { detail: boolean }) {
    this.setData({ 'form.publicThanks': event.detail });
  },

  onOpenTown() {
    this.setData({ showTown: true });
  },
  onCloseTown() {
    this.setData({ showTown: false });
  },
  onTownConfirm(event: { detail: { value: string } }) {
    this.setData({ 'form.town': event.detail.value, showTown: false });
  },

  async onSubmit() {
    if (this.data.saving) return;
    const form = this.data.form;
    const errors = missing(form);
    if (FIELDS.some((f) => errors[f])) {
      this.setData({ errors });
      return;
    }
    this.setData({ saving: true, errors: noErrors() });
    try {
      await resources.registerDonor(
        {
          name: form.name.trim(),
          creditCode: form.creditCode.trim(),
          contactName: form.contactName.trim(),
          contactMobile: form.contactMobile.trim(),
          ...(form.town ? { town: form.town as Town } : {}),
          publicThanks: form.publicThanks,
        },
        { toast: false },
      );
      this.setData({ saving: false });
      Toast({ type: 'success', message: '已提交，请等待总队审核' });
      setTimeout(() => wx.navigateBack({}), 800);
    } catch (error) {
      const fields = fieldErrors(error);
      const shown = { ...noErrors() };
      for (const f of FIELDS) shown[f] = fields[f] ?? '';
      this.setData({ saving: false, errors: shown });
      Toast({ type: 'fail', message: messageOf(error, '提交失败，请稍后重试') });
    }
  },
});
