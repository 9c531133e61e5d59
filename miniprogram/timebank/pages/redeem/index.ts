import { CallError, fieldErrors, timebank } from '../../../services/index';
import { hoursOf } from '../../../utils/format';
import { loadRecord, recordPage } from '../../../utils/record';
import { newRequestId } from '../../../utils/request-id';
import { checkRedeem, maxHoursOf, REDEEM_CATEGORIES, type RedeemForm } from './form';

const FIELD_OF: Record<string, string> = { minutes: 'hours', category: 'category', note: 'note', forName: 'forName' };
const blank = (): RedeemForm => ({ hours: 1, category: '', note: '', forFamily: false, forName: '' });

/**
 * 兑换服务: spend banked hours on help for oneself or a family member. The hours are held (冻结) until the town's
 * social worker arranges the help; the form's `requestId` is made once, so a second tap or a retry after a lost reply
 * never redeems twice. A new one is made only after a redemption went through.
 */
Page({
  ...recordPage,

  data: {
    loading: true,
    error: '',
    balanceMinutes: 0,
    balanceHours: '0.0',
    heldHours: '',
    maxHours: 0,
    categories: REDEEM_CATEGORIES,
    form: blank(),
    errors: {} as Record<string, string>,
    submitting: false,
    done: null as { hours: string; balanceHours: string } | null,
    requestId: '',
  },

  onLoad() {
    this.setData({ requestId: newRequestId() });
    void this.load();
  },

  load() {
    return loadRecord(
      this,
      () => timebank.balance({}, { toast: false }),
      (b) => ({
        balanceMinutes: b.balanceMinutes,
        balanceHours: hoursOf(b.balanceMinutes),
        heldHours: b.heldMinutes > 0 ? hoursOf(b.heldMinutes) : '',
        maxHours: maxHoursOf(b.balanceMinutes),
        'form.hours': Math.min(1, maxHoursOf(b.balanceMinutes)),
      }),
    );
  },

  onHours(event: { detail: number | string }) {
    this.setData({ 'form.hours': Number(event.detail), 'errors.hours': '' });
  },

  onCategory(event: { currentTarget: { dataset: { value: string } } }) {
    this.setData({ 'form.category': event.currentTarget.dataset.value, 'errors.category': '' });
  },

  onFor(event: { currentTarget: { dataset: { family: string } } }) {
    this.setData({ 'form.forFamily': event.currentTarget.dataset.family === 'yes', 'errors.forName': '' });
  },

  onField(event: { detail: string; currentTarget: { dataset: { field: 'note' | 'forName' } } }) {
    const field = event.currentTarget.dataset.field;
    this.setData({ [`form.${field}`]: String(event.detail ?? ''), [`errors.${field}`]: '' });
  },

  async onSubmit() {
    if (this.data.submitting) return;
    const { errors, request } = checkRedeem(this.data.form, this.data.balanceMinutes);
    this.setData({ errors });
    if (!request) return;
    this.setData({ submitting: true });
    try {
      const res = await timebank.redeem({ ...request, requestId: this.data.requestId }, { toast: false });
      this.setData({
        submitting: false,
        done: { hours: hoursOf(request.minutes), balanceHours: hoursOf(res.balanceMinutes) },
        requestId: newRequestId(),
      });
    } catch (error) {
      const fields = fieldErrors(error);
      const shown: Record<string, string> = {};
      for (const [key, message] of Object.entries(fields)) shown[FIELD_OF[key] ?? key] = message;
      const message = error instanceof CallError ? error.message : '兑换失败，请稍后重试';
      if (error instanceof CallError && error.code === 'FAILED_PRECONDITION') shown.hours = message;
      this.setData({ submitting: false, errors: shown });
      if (!Object.keys(shown).length) wx.showToast({ title: message, icon: 'none' });
    }
  },

  onMine() {
    wx.redirectTo({ url: '/timebank/pages/redemptions/index' });
  },

  onBack() {
    wx.navigateBack({ delta: 1 });
  },
});
