import Toast from '@vant/weapp/toast/toast';
import { isNetworkFailure, messageOf, needs, volunteers } from '../../../services/index';
import {
  FREQUENCIES,
  FREQUENCY_LABELS,
  SERVICE_CATEGORIES,
  SLOTS,
  SLOT_LABELS,
  TOWNS,
  URGENCIES,
  URGENCY_LABELS,
} from '../../../typings/index';
import type { ValueEvent } from '../../../utils/events';
import { WEEKDAY_LABELS } from '../../../utils/needs-view';
import {
  clearDraft,
  emptyDraft,
  emptyMember,
  emptyNeed,
  loadDraft,
  missing,
  saveDraft,
  toRequest,
  type SurveyDraft,
} from './draft';

const option = <T extends string>(value: T, label: string) => ({ value, label });
const OFFLINE_NOTICE = '已保存草稿，联网后自动提交';

type Path = { path: string };
type RowEvent = ValueEvent<unknown, { index: number; value: string | number }>;

let networkListener: WechatMiniprogram.OnNetworkStatusChangeCallback | undefined;

/** 入户需求调查: the door form; the draft stays on the phone until the survey is sent. */
Page({
  data: {
    draft: emptyDraft(),
    towns: [...TOWNS],
    townIndex: -1,
    categories: [...SERVICE_CATEGORIES],
    frequencies: FREQUENCIES.map((f) => option(f, FREQUENCY_LABELS[f])),
    urgencies: URGENCIES.map((u) => option(u, URGENCY_LABELS[u])),
    weekdays: [1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: d, label: WEEKDAY_LABELS[d] })),
    slots: SLOTS.map((s) => option(s, SLOT_LABELS[s])),
    notice: '',
    sending: false,
  },

  onLoad() {
    const draft = loadDraft();
    if (draft) {
      this.show(draft);
      if (draft.pending) void this.send();
    } else {
      this.show(emptyDraft());
      void this.prefillTown();
    }
    networkListener = (res) => {
      if (res.isConnected && this.data.draft.pending && !this.data.sending) void this.send();
    };
    wx.onNetworkStatusChange(networkListener);
  },

  onUnload() {
    const off = networkListener as unknown as WechatMiniprogram.OffNetworkStatusChangeCallback | undefined;
    if (off && typeof wx.offNetworkStatusChange === 'function') wx.offNetworkStatusChange(off);
    networkListener = undefined;
  },

  show(draft: SurveyDraft) {
    this.setData({
      draft,
      townIndex: draft.town ? TOWNS.indexOf(draft.town) : -1,
      notice: draft.pending ? OFFLINE_NOTICE : '',
    });
  },

  /** The surveyor's own town and community as a start (they usually survey where they live). */
  async prefillTown() {
    try {
      const me = await volunteers.me({}, { toast: false });
      const profile = me.profile;
      if (profile && !this.data.draft.town) {
        this.change({ 'draft.town': profile.town, 'draft.community': profile.community ?? '' });
        this.setData({ townIndex: TOWNS.indexOf(profile.town) });
      }
    } catch {
      // offline at the door: the surveyor picks the town
    }
  },

  /** Every change goes to storage at once: closing the page or losing the network loses nothing. */
  change(update: Record<string, unknown>) {
    this.setData(update);
    saveDraft(this.data.draft);
  },

  onField(event: ValueEvent<string | number, Path>) {
    this.change({ [`draft.${event.currentTarget.dataset.path}`]: event.detail });
  },

  onTown(event: ValueEvent<{ value: string }>) {
    const index = Number(event.detail.value);
    this.setData({ townIndex: index });
    this.change({ 'draft.town': TOWNS[index] });
  },

  onAddMember() {
    this.change({ 'draft.members': [...this.data.draft.members, emptyMember()] });
  },

  onRemoveMember(event: RowEvent) {
    const index = event.currentTarget.dataset.index;
    this.change({ 'draft.members': this.data.draft.members.filter((_m, i) => i !== index) });
  },

  onAddNeed() {
    this.change({ 'draft.needs': [...this.data.draft.needs, emptyNeed()] });
  },

  onRemoveNeed(event: RowEvent) {
    const index = event.currentTarget.dataset.index;
    this.change({ 'draft.needs': this.data.draft.needs.filter((_n, i) => i !== index) });
  },

  /** A chip of a need: `field` is category/frequency/urgency (one value) or weekdays/slots (toggled). */
  onNeedChip(event: ValueEvent<unknown, { index: number; field: string; value: string | number }>) {
    const { index, field, value } = event.currentTarget.dataset;
    const need = this.data.draft.needs[index] as unknown as Record<string, unknown>;
    const current = need[field];
    const next = Array.isArray(current)
      ? current.includes(value)
        ? current.filter((v) => v !== value)
        : [...current, value]
      : value;
    this.change({ [`draft.needs[${index}].${field}`]: next });
  },

  onConsent(event: ValueEvent<boolean>) {
    this.change({ 'draft.consented': event.detail });
  },

  onConsentBy(event: ValueEvent<unknown, { value: string }>) {
    this.change({ 'draft.consentBy': event.currentTarget.dataset.value });
  },

  onSubmit() {
    const problem = missing(this.data.draft);
    if (problem) {
      Toast({ message: problem, duration: 2500 });
      return;
    }
    void this.send();
  },

  /** Sends the draft; a network failure keeps it pending (same requestId) to resend later. */
  async send() {
    if (this.data.sending) return;
    const draft = this.data.draft;
    this.setData({ sending: true });
    try {
      await needs.saveSurvey(toRequest(draft), { toast: false });
      clearDraft();
      this.setData({ sending: false, notice: '', draft: emptyDraft(), townIndex: -1 });
      Toast({ type: 'success', message: '调查已提交，社工会尽快跟进', duration: 2000 });
      setTimeout(() => wx.navigateBack({ fail: () => undefined }), 1200);
    } catch (error) {
      this.setData({ sending: false });
      if (isNetworkFailure(error)) {
        this.change({ 'draft.pending': true, notice: OFFLINE_NOTICE });
        Toast({ message: OFFLINE_NOTICE, duration: 2500 });
      } else {
        this.change({ 'draft.pending': false, notice: '' });
        Toast({ type: 'fail', message: messageOf(error, '提交失败，请稍后重试'), duration: 2500 });
      }
    }
  },
});
