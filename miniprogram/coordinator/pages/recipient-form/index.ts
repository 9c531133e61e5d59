import Toast from '@vant/weapp/toast/toast';
import { fieldErrors, messageOf, needs } from '../../../services/index';
import { HONORIFICS, RECIPIENT_CATEGORIES, TOWNS, type RecipientCategory } from '../../../typings/index';
import type { ValueEvent } from '../../../utils/events';
import { pickPlace } from '../../detail';
import { emptyForm, fromRecipient, fromSurvey, missing, toRequest } from './form';

type Ids = { recipientId?: string; surveyId?: string; brigadeId?: string };

/** 服务对象建档 / 编辑: from a survey (prefilled), from scratch, or editing a recipient. */
Page({
  data: {
    ids: {} as Ids,
    form: emptyForm(),
    towns: [...TOWNS],
    townIndex: -1,
    honorifics: ['', ...HONORIFICS],
    categories: [...RECIPIENT_CATEGORIES],
    loading: false,
    loadError: '',
    saving: false,
    errors: {} as Record<string, string>,
  },

  onLoad(query: Record<string, string | undefined>) {
    const ids: Ids = {};
    if (query.recipientId) ids.recipientId = query.recipientId;
    if (query.surveyId) ids.surveyId = query.surveyId;
    if (query.brigadeId) ids.brigadeId = query.brigadeId;
    this.setData({ ids });
    if (ids.recipientId) wx.setNavigationBarTitle({ title: '编辑服务对象' });
    void this.prefill();
  },

  onRetry() {
    void this.prefill();
  },

  async prefill() {
    const { recipientId, surveyId } = this.data.ids;
    if (!recipientId && !surveyId) return;
    this.setData({ loading: true, loadError: '' });
    try {
      let form;
      if (recipientId) {
        const recipient = await needs.recipient({ recipientId }, { toast: false });
        if (recipient.brigadeId) this.setData({ 'ids.brigadeId': recipient.brigadeId });
        form = fromRecipient(recipient);
      } else {
        form = fromSurvey(await needs.survey({ surveyId: surveyId as string }, { toast: false }));
      }
      this.setData({ loading: false, form, townIndex: form.town ? TOWNS.indexOf(form.town) : -1 });
    } catch (error) {
      this.setData({ loading: false, loadError: messageOf(error) });
    }
  },

  onInput(event: ValueEvent<string, { field: string }>) {
    const field = event.currentTarget.dataset.field;
    this.setData({ [`form.${field}`]: event.detail, [`errors.${field}`]: '' });
  },

  onTown(event: ValueEvent<{ value: string }>) {
    const index = Number(event.detail.value);
    this.setData({ townIndex: index, 'form.town': TOWNS[index] });
  },

  onHonorific(event: ValueEvent<unknown, { value: string }>) {
    this.setData({ 'form.honorific': event.currentTarget.dataset.value });
  },

  onCategory(event: ValueEvent<unknown, { value: RecipientCategory }>) {
    const value = event.currentTarget.dataset.value;
    const list = this.data.form.categories;
    this.setData({ 'form.categories': list.includes(value) ? list.filter((c) => c !== value) : [...list, value] });
  },

  onConsentBy(event: ValueEvent<unknown, { value: string }>) {
    this.setData({ 'form.consentBy': event.currentTarget.dataset.value });
  },

  onConsent(event: ValueEvent<boolean>) {
    this.setData({ 'form.consented': event.detail });
  },

  async onChooseLocation() {
    const place = await pickPlace(this.data.form.lat, this.data.form.lng);
    if (!place) return;
    this.setData({
      'form.lat': place.lat,
      'form.lng': place.lng,
      'form.address': this.data.form.address || place.address,
    });
  },

  async onSubmit() {
    const problem = missing(this.data.form);
    if (problem) {
      Toast({ message: problem, duration: 2500 });
      return;
    }
    this.setData({ saving: true });
    try {
      const saved = await needs.saveRecipient(toRequest(this.data.form, this.data.ids));
      Toast({ type: 'success', message: `已保存：${saved.displayName}`, duration: 1500 });
      wx.redirectTo({ url: `/coordinator/pages/recipient/index?recipientId=${saved.recipientId}` });
    } catch (error) {
      this.setData({ errors: fieldErrors(error) });
    }
    this.setData({ saving: false });
  },
});
