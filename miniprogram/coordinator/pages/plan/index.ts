import Toast from '@vant/weapp/toast/toast';
import { needs } from '../../../services/index';
import type { ValueEvent } from '../../../utils/events';
import { loadDetail } from '../../detail';
import { confirmDialog, dayOf, msOf } from '../../../utils/needs-view';
import { toView, type PlanView } from './view';

/** 服务计划详情: the recipient, goals, services with their carers, visit notes, 复评 and 结案. */
Page({
  data: {
    planId: '',
    loading: true,
    error: '',
    plan: null as PlanView | null,
    note: '',
    reviewing: false,
    reviewNote: '',
    nextReview: '',
    busy: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ planId: query.planId ?? '' });
  },

  onShow() {
    void this.load();
  },

  onRetry() {
    void this.load();
  },

  load() {
    const planId = this.data.planId;
    return loadDetail(this, 'plan', () => needs.plan({ planId }, { toast: false }), toView);
  },

  onRecipient() {
    const id = this.data.plan?.recipientId;
    if (id) wx.navigateTo({ url: `/coordinator/pages/recipient/index?recipientId=${id}` });
  },

  onEdit() {
    wx.navigateTo({ url: `/coordinator/pages/plan-form/index?planId=${this.data.planId}` });
  },

  onMatch(event: ValueEvent<unknown, { id: string }>) {
    const serviceId = event.currentTarget.dataset.id;
    wx.navigateTo({ url: `/coordinator/pages/match/index?planId=${this.data.planId}&serviceId=${serviceId}` });
  },

  onInput(event: ValueEvent<string, { field: string }>) {
    this.setData({ [event.currentTarget.dataset.field]: event.detail });
  },

  onNextReview(event: ValueEvent<{ value: string }>) {
    this.setData({ nextReview: event.detail.value });
  },

  onToggleReview() {
    this.setData({
      reviewing: !this.data.reviewing,
      nextReview: this.data.nextReview || dayOf(Date.now() + 90 * 864e5),
    });
  },

  /** Runs a change, then reloads; the client shows any error. */
  async act(run: () => Promise<unknown>, done: string, reset: Record<string, unknown>) {
    this.setData({ busy: true });
    try {
      await run();
      Toast({ type: 'success', message: done, duration: 1500 });
      this.setData(reset);
      await this.load();
    } catch {
      // the client showed the message
    }
    this.setData({ busy: false });
  },

  async onAccept(event: ValueEvent<unknown, { service: string; volunteer: string }>) {
    const { service, volunteer } = event.currentTarget.dataset;
    const request = { planId: this.data.planId, serviceId: service, volunteerIds: [volunteer] };
    await this.act(() => needs.assign(request), '已接受报名', {});
  },

  async onAddNote() {
    const text = this.data.note.trim();
    if (!text) return void Toast({ message: '请先写下探访情况', duration: 2000 });
    await this.act(() => needs.addNote({ planId: this.data.planId, text }), '已添加记录', { note: '' });
  },

  async onReview() {
    const note = this.data.reviewNote.trim();
    if (!note) return void Toast({ message: '请填写复评记录', duration: 2000 });
    const { planId, nextReview } = this.data;
    const request = { planId, note, ...(nextReview ? { nextReviewAt: msOf(nextReview) } : {}) };
    await this.act(() => needs.reviewPlan(request), '已保存复评', { reviewing: false, reviewNote: '' });
  },

  async onClose() {
    const note = this.data.reviewNote.trim();
    if (!note) return void Toast({ message: '请在复评记录中写明结案原因', duration: 2000 });
    const carers = this.data.plan?.acceptedCarers ?? 0;
    const told = carers ? `已结对的 ${carers} 位义工会收到结案通知，` : '';
    const ok = await confirmDialog('结案', `${told}未回复的邀请将失效，结案后不能再修改。确定结案吗？`, '结案');
    if (!ok) return;
    const request = { planId: this.data.planId, note, close: true };
    await this.act(() => needs.reviewPlan(request), '已结案', { reviewing: false, reviewNote: '' });
  },
});
