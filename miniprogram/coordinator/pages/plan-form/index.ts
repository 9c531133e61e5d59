import Toast from '@vant/weapp/toast/toast';
import { brigades, fieldErrors, messageOf, needs } from '../../../services/index';
import {
  FREQUENCIES,
  FREQUENCY_LABELS,
  QUALIFICATION_TYPES,
  SERVICE_CATEGORIES,
  SLOTS,
  SLOT_LABELS,
  SPECIALTIES,
} from '../../../typings/index';
import type { ValueEvent } from '../../../utils/events';
import { WEEKDAY_LABELS } from '../../../utils/needs-view';
import { emptyForm, emptyService, fromPlan, fromSurvey, missing, toRequest, type PlanForm } from './form';

type Ids = { recipientId: string; planId?: string; surveyId?: string };
type ServiceEvent = ValueEvent<unknown, { index: number; field: string; value: string | number }>;

const LISTS = new Set(['specialties', 'qualifications']);

/** Splits the server's field messages into the plan's own and each service's (`services.0.people`). */
function splitErrors(fields: Record<string, string>) {
  const errors: Record<string, string> = {};
  const services: Record<string, string>[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const [head, index, field] = path.split('.');
    if (head === 'services' && field) services[Number(index)] = { ...services[Number(index)], [field]: message };
    else errors[head] = message;
  }
  return { errors, serviceErrors: services.map((s) => s ?? {}) };
}

/** 制定 / 修改服务计划: goals, the responsible brigade, the services and the review date. */
Page({
  data: {
    ids: { recipientId: '' } as Ids,
    recipientName: '',
    form: emptyForm(),
    brigades: [] as { brigadeId: string; name: string }[],
    brigadeIndex: -1,
    categories: [...SERVICE_CATEGORIES],
    specialties: [...SPECIALTIES],
    qualifications: [...QUALIFICATION_TYPES],
    frequencies: FREQUENCIES.map((value) => ({ value, label: FREQUENCY_LABELS[value] })),
    slots: SLOTS.map((value) => ({ value, label: SLOT_LABELS[value] })),
    weekdays: WEEKDAY_LABELS,
    loading: true,
    loadError: '',
    saving: false,
    errors: {} as Record<string, string>,
    serviceErrors: [] as Record<string, string>[],
  },

  onLoad(query: Record<string, string | undefined>) {
    const ids: Ids = { recipientId: query.recipientId ?? '' };
    if (query.planId) ids.planId = query.planId;
    if (query.surveyId) ids.surveyId = query.surveyId;
    this.setData({ ids });
    if (ids.planId) wx.setNavigationBarTitle({ title: '修改服务计划' });
    void this.prefill();
  },

  onRetry() {
    void this.prefill();
  },

  async prefill() {
    const ids = { ...this.data.ids };
    this.setData({ loading: true, loadError: '' });
    try {
      let form: PlanForm;
      let town;
      if (ids.planId) {
        const plan = await needs.plan({ planId: ids.planId }, { toast: false });
        ids.recipientId = plan.recipient.recipientId;
        town = plan.town;
        form = fromPlan(plan);
        this.setData({ recipientName: plan.recipient.displayName });
      } else {
        const recipient = await needs.recipient({ recipientId: ids.recipientId }, { toast: false });
        town = recipient.town;
        // A recipient made from a survey gets its first plan from that survey's needs.
        if (!ids.surveyId && recipient.surveyId && !recipient.plans.length) ids.surveyId = recipient.surveyId;
        form = ids.surveyId
          ? fromSurvey(await needs.survey({ surveyId: ids.surveyId }, { toast: false }))
          : emptyForm();
        form.brigadeId = recipient.brigadeId ?? '';
        this.setData({ recipientName: recipient.displayName });
      }
      const list = (await brigades.list({ town, pageSize: 50 }, { toast: false })).items;
      if (!form.brigadeId && list.length === 1) form.brigadeId = list[0].brigadeId;
      this.setData({
        ids,
        form,
        loading: false,
        brigades: list.map((b) => ({ brigadeId: b.brigadeId, name: b.name })),
        brigadeIndex: list.findIndex((b) => b.brigadeId === form.brigadeId),
      });
    } catch (error) {
      this.setData({ loading: false, loadError: messageOf(error) });
    }
  },

  onGoals(event: ValueEvent<string>) {
    this.setData({ 'form.goals': event.detail, 'errors.goals': '' });
  },

  onBrigade(event: ValueEvent<{ value: string }>) {
    const index = Number(event.detail.value);
    this.setData({
      brigadeIndex: index,
      'form.brigadeId': this.data.brigades[index].brigadeId,
      'errors.brigadeId': '',
    });
  },

  onReview(event: ValueEvent<{ value: string }>) {
    this.setData({ 'form.review': event.detail.value, 'errors.reviewAt': '' });
  },

  onAddService() {
    this.setData({ 'form.services': [...this.data.form.services, emptyService()] });
  },

  onRemoveService(event: ServiceEvent) {
    const { index } = event.currentTarget.dataset;
    this.setData({
      'form.services': this.data.form.services.filter((_, i) => i !== index),
      serviceErrors: this.data.serviceErrors.filter((_, i) => i !== index),
    });
  },

  /** A chip of a service: toggles a specialty or qualification, or picks a category, frequency, weekday, slot. */
  onServiceChip(event: ServiceEvent) {
    const { index, field, value } = event.currentTarget.dataset;
    const service = this.data.form.services[index] as unknown as Record<string, unknown>;
    let next: unknown = value;
    if (LISTS.has(field)) {
      const list = service[field] as string[];
      next = list.includes(String(value)) ? list.filter((v) => v !== value) : [...list, value];
    }
    this.setData({ [`form.services[${index}].${field}`]: next });
  },

  /** A typed, picked or switched value of a service (duration, people, dates, adults only). */
  onServiceValue(event: ServiceEvent & { detail: unknown }) {
    const { index, field } = event.currentTarget.dataset;
    const detail = event.detail as { value?: string } | string | number | boolean;
    const value = typeof detail === 'object' && detail !== null ? detail.value : detail;
    this.setData({ [`form.services[${index}].${field}`]: value, [`serviceErrors[${index}].${field}`]: '' });
  },

  onCategory(event: ServiceEvent & { detail: { value: string } }) {
    const { index } = event.currentTarget.dataset;
    this.setData({ [`form.services[${index}].category`]: SERVICE_CATEGORIES[Number(event.detail.value)] });
  },

  async onSubmit() {
    const problem = missing(this.data.form);
    if (problem) {
      Toast({ message: problem, duration: 2500 });
      return;
    }
    const { ids } = this.data;
    this.setData({ saving: true, errors: {}, serviceErrors: [] });
    try {
      const saved = await needs.savePlan(toRequest(this.data.form, ids));
      Toast({ type: 'success', message: '服务计划已保存', duration: 1500 });
      wx.redirectTo({ url: `/coordinator/pages/plan/index?planId=${saved.planId}` });
    } catch (error) {
      this.setData(splitErrors(fieldErrors(error)));
    }
    this.setData({ saving: false });
  },
});
