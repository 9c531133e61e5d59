import { CallError, fieldErrors, timebank, volunteers } from '../../services/index';
import { hoursOf } from '../../utils/format';
import { checkTransfer, type CheckedTransfer, type TransferForm } from './form';
import { newRequestId } from '../../utils/request-id';
import { loadRecord, recordPage } from '../../utils/record';

interface Done {
  to: string;
  amount: string;
}

const FIELD_OF: Record<string, string> = { toCardNo: 'cardNo', minutes: 'minutes', note: 'note' };

/**
 * 转赠时数: donate minutes to another volunteer by card number. A confirmation dialog names the card number and
 * the amount; the form's `requestId` is made once, so a second tap (or a retry after a lost reply) never transfers
 * twice. A new one is made only after a transfer went through.
 */
Page({
  ...recordPage,

  data: {
    loading: true,
    error: '',
    balanceMinutes: 0,
    balanceHours: '0.0',
    ownCardNo: '',
    form: { cardNo: '', minutes: '', note: '' } as TransferForm,
    errors: {} as Record<string, string>,
    hoursHint: '',
    confirming: null as (CheckedTransfer & { hours: string }) | null,
    submitting: false,
    done: null as Done | null,
    requestId: '',
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ requestId: newRequestId(), 'form.cardNo': query.cardNo ?? '' });
    void this.load();
  },

  load() {
    return loadRecord(
      this,
      () => Promise.all([timebank.balance({}, { toast: false }), volunteers.me({}, { toast: false })]),
      ([balance, me]) => ({
        balanceMinutes: balance.balanceMinutes,
        balanceHours: hoursOf(balance.balanceMinutes),
        ownCardNo: me.cardNo ?? '',
      }),
    );
  },

  onField(event: { detail: string; currentTarget: { dataset: { field: keyof TransferForm } } }) {
    const field = event.currentTarget.dataset.field;
    const value = String(event.detail ?? '');
    const update: Record<string, unknown> = { [`form.${field}`]: value, [`errors.${field}`]: '' };
    if (field === 'minutes') update.hoursHint = /^\d+$/.test(value.trim()) ? `约 ${hoursOf(Number(value))} 小时` : '';
    this.setData(update);
  },

  onAll() {
    const minutes = String(this.data.balanceMinutes);
    this.setData({ 'form.minutes': minutes, 'errors.minutes': '', hoursHint: `约 ${hoursOf(Number(minutes))} 小时` });
  },

  onSubmit() {
    const { errors, request } = checkTransfer(this.data.form, this.data.balanceMinutes, this.data.ownCardNo);
    this.setData({ errors });
    if (!request) return;
    this.setData({ confirming: { ...request, hours: hoursOf(request.minutes) } });
  },

  onCancelConfirm() {
    if (!this.data.submitting) this.setData({ confirming: null });
  },

  async onConfirm() {
    const request = this.data.confirming;
    if (!request || this.data.submitting) return;
    this.setData({ submitting: true });
    try {
      const entry = await timebank.transfer(
        {
          toCardNo: request.toCardNo,
          minutes: request.minutes,
          ...(request.note ? { note: request.note } : {}),
          requestId: this.data.requestId,
        },
        { toast: false },
      );
      const left = this.data.balanceMinutes - request.minutes;
      this.setData({
        submitting: false,
        confirming: null,
        done: { to: entry.counterparty, amount: `${request.minutes} 分钟（${request.hours} 小时）` },
        balanceMinutes: left,
        balanceHours: hoursOf(left),
        requestId: newRequestId(),
      });
    } catch (error) {
      const fields = fieldErrors(error);
      const errors: Record<string, string> = {};
      for (const [key, message] of Object.entries(fields)) errors[FIELD_OF[key] ?? key] = message;
      const message = error instanceof CallError ? error.message : '转赠失败，请稍后重试';
      // Not found / not enough balance: the form says it; anything else keeps the same requestId for a retry.
      if (error instanceof CallError && error.code === 'NOT_FOUND') errors.cardNo = message;
      else if (error instanceof CallError && error.code === 'FAILED_PRECONDITION') errors.minutes = message;
      this.setData({ submitting: false, confirming: null, errors });
      if (!Object.keys(errors).length) wx.showToast({ title: message, icon: 'none' });
    }
  },

  onAgain() {
    this.setData({ done: null, form: { cardNo: '', minutes: '', note: '' }, errors: {}, hoursHint: '' });
  },

  onBack() {
    wx.navigateBack({ delta: 1 });
  },
});
