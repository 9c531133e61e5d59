import { CallError, fieldErrors, stars } from '../../../services/index';
import { HONOURS, HONOUR_LABELS, type Honour } from '../../../typings/index';
import { loadPaged } from '../../../utils/paged';
import { shanghai } from '../../../utils/time';
import { checkAward, toHonourListRow, type AwardForm, type HonourListRow } from './view';

const emptyForm = (): AwardForm => ({
  cardNo: '',
  honour: 'outstanding',
  year: String(shanghai(Date.now()).year()),
  reason: '',
});

/** 荣誉表彰 (hq): award 优秀义工 (per year) or 功勋义工 by card number, list the honours, recompute star levels. */
Page({
  data: {
    honours: HONOURS.map((key) => ({ key, label: HONOUR_LABELS[key] })),
    form: emptyForm(),
    errors: {} as Record<string, string>,
    saving: false,
    recomputing: false,
    recomputed: '',
    items: [] as HonourListRow[],
    loading: true,
    loadingMore: false,
    error: '',
    nextCursor: '',
  },

  onLoad() {
    void this.loadList();
  },

  onPullDownRefresh() {
    void this.loadList(true).then(() => wx.stopPullDownRefresh());
  },

  onReachBottom() {
    if (!this.data.nextCursor || this.data.loadingMore || this.data.loading) return;
    void loadPaged(this, (cursor) => stars.honours({ cursor }, { toast: false }), toHonourListRow, { more: true });
  },

  loadList(keep = false) {
    return loadPaged(this, (cursor) => stars.honours({ cursor }, { toast: false }), toHonourListRow, {
      keepItems: keep,
    });
  },

  onField(event: { detail: string; currentTarget: { dataset: { field: keyof AwardForm } } }) {
    const field = event.currentTarget.dataset.field;
    this.setData({ [`form.${field}`]: String(event.detail ?? ''), [`errors.${field}`]: '' });
  },

  onHonour(event: { currentTarget: { dataset: { honour: Honour } } }) {
    this.setData({ 'form.honour': event.currentTarget.dataset.honour, 'errors.year': '' });
  },

  async onAward() {
    if (this.data.saving) return;
    const { errors, request } = checkAward(this.data.form);
    this.setData({ errors });
    if (!request) return;
    this.setData({ saving: true });
    try {
      const awarded = await stars.award(request, { toast: false });
      this.setData({ saving: false, form: emptyForm() });
      wx.showToast({ title: `已授予${awarded.name}`, icon: 'success' });
      void this.loadList(true);
    } catch (error) {
      const fields = fieldErrors(error);
      const message = error instanceof CallError ? error.message : '授予失败，请稍后重试';
      const next: Record<string, string> = { ...fields };
      if (error instanceof CallError && error.code === 'NOT_FOUND') next.cardNo = message;
      if (!Object.keys(next).length) next.form = message;
      this.setData({ saving: false, errors: next });
    }
  },

  async onRecompute() {
    if (this.data.recomputing) return;
    this.setData({ recomputing: true, recomputed: '' });
    try {
      const r = await stars.recompute({});
      const tail = r.done ? '' : '（未全部完成，下次定时任务会继续）';
      this.setData({ recomputing: false, recomputed: `已核对 ${r.checked} 名义工，${r.changed} 人星级有变化${tail}` });
    } catch {
      this.setData({ recomputing: false });
    }
  },

  onRetry() {
    void this.loadList();
  },
});
