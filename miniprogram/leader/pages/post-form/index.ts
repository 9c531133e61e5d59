import Toast from '@vant/weapp/toast/toast';
import { fieldErrors, messageOf, posts } from '../../../services/index';
import { FORM_KEYS, loadRecord, recordPage } from '../../../utils/record';
import { formatDateTime } from '../../../utils/time';
import {
  MAX_QUOTA,
  MAX_WEEKS,
  categoryChips,
  emptyForm,
  firstErrorAt,
  fromPost,
  fromServerFields,
  qualificationChips,
  specialtyChips,
  toCreateRequest,
  toUpdateRequest,
  validate,
  type FormErrors,
  type PostForm,
} from './form';
import type { ValueEvent } from '../../../utils/events';

type TimeField = 'startAt' | 'endAt' | 'signupDeadline';

const HOUR = 3_600_000;
const PICKER_TITLES: Record<TimeField, string> = {
  startAt: '开始时间',
  endAt: '结束时间',
  signupDeadline: '报名截止时间',
};
const REASON_MAX = 20;

/** Brings the topmost message into view (a long form is submitted from its bottom). */
function showFirstError(errors: FormErrors): void {
  const selector = firstErrorAt(errors);
  if (selector) wx.pageScrollTo({ selector, offsetTop: -48, duration: 200 }); // with the section title above
}

/** The next whole hour from now: a sensible first value for the pickers. */
const nextHour = (now: number) => Math.ceil(now / HOUR) * HOUR;

/** 发布招募 / 编辑招募 (`?postId=`): the form, publishing (optionally weekly), saving and cancelling. */
Page({
  ...recordPage,

  data: {
    editing: false,
    postId: '',
    brigadeId: '',
    brigadeName: '',
    loading: false,
    loadError: '',
    form: emptyForm(),
    errors: {} as FormErrors,
    times: { startAt: '', endAt: '', signupDeadline: '' },
    categoryChips: categoryChips(),
    specialtyChips: specialtyChips(),
    qualificationChips: qualificationChips(),
    maxQuota: MAX_QUOTA,
    maxWeeks: MAX_WEEKS,
    submitting: false,
    picker: '' as TimeField | '',
    pickerTitle: '',
    pickerValue: 0,
    minDate: 0,
    maxDate: 0,
    showCancel: false,
    reason: '',
    reasonError: '',
    cancelling: false,
    seriesText: '',
    kinds: [
      { value: 'service', label: '服务' },
      { value: 'training', label: '培训' },
    ],
  },

  onLoad(query: Record<string, string | undefined>) {
    const now = Date.now();
    this.setData({ minDate: now, maxDate: now + 365 * 24 * HOUR, brigadeId: query.brigadeId ?? '' });
    if (query.postId) {
      this.setData({ editing: true, postId: query.postId });
      wx.setNavigationBarTitle({ title: '编辑招募' });
      void this.load();
    }
  },

  /** Create mode: the brigade the post is for (led-brigades picks one the caller leads). */
  onBrigade(event: { detail: { brigadeId: string; name: string } }) {
    this.setData({ brigadeId: event.detail.brigadeId, brigadeName: event.detail.name });
  },

  /** Edit mode: the post's current values, or why it cannot be edited. */
  load() {
    return loadRecord(
      this,
      () => posts.get({ postId: this.data.postId }, { toast: false }),
      (post) => {
        if (!post.iLead) return { loadError: '只有该大队的负责人可以编辑这条招募' };
        if (post.status === 'cancelled') return { loadError: '这条招募已取消，不能再编辑' };
        const form = fromPost(post);
        return {
          brigadeId: post.brigadeId,
          brigadeName: post.brigadeName,
          form,
          times: this.timesOf(form),
          categoryChips: categoryChips(form.category),
          specialtyChips: specialtyChips(form.requiredSpecialties),
          qualificationChips: qualificationChips(form.requiredQualifications),
          seriesText: post.seriesId ? '这是每周恒常服务中的一次，修改只影响这一次' : '',
        };
      },
      { keys: FORM_KEYS },
    );
  },

  timesOf(form: PostForm) {
    return {
      startAt: form.startAt ? formatDateTime(form.startAt) : '',
      endAt: form.endAt ? formatDateTime(form.endAt) : '',
      signupDeadline: form.signupDeadline ? formatDateTime(form.signupDeadline) : '',
    };
  },

  /** Text fields: `data-field` names the form key. */
  onInput(event: ValueEvent<string, { field: 'title' | 'description' | 'address' | 'topic' | 'trainer' }>) {
    const field = event.currentTarget.dataset.field;
    this.setData({ [`form.${field}`]: event.detail, [`errors.${field}`]: '' });
  },

  /** 类型 服务/培训: only while creating (a published post keeps its kind). */
  onKind(event: ValueEvent<unknown, { kind: PostForm['kind'] }>) {
    if (this.data.editing) return;
    this.setData({ 'form.kind': event.currentTarget.dataset.kind, 'errors.category': '' });
  },

  onCategory(event: ValueEvent<unknown, { index: number }>) {
    const index = event.currentTarget.dataset.index;
    const chips = categoryChips(this.data.categoryChips[index].label);
    this.setData({ categoryChips: chips, 'form.category': chips[index].label, 'errors.category': '' });
  },

  onSpecialty(event: ValueEvent<unknown, { index: number }>) {
    const index = event.currentTarget.dataset.index;
    const chip = this.data.specialtyChips[index];
    const list = this.data.form.requiredSpecialties;
    this.setData({
      [`specialtyChips[${index}].on`]: !chip.on,
      'form.requiredSpecialties': chip.on ? list.filter((s) => s !== chip.label) : [...list, chip.label],
    });
  },

  onQualification(event: ValueEvent<unknown, { index: number }>) {
    const index = event.currentTarget.dataset.index;
    const chip = this.data.qualificationChips[index];
    const list = this.data.form.requiredQualifications;
    this.setData({
      [`qualificationChips[${index}].on`]: !chip.on,
      'form.requiredQualifications': chip.on ? list.filter((q) => q !== chip.label) : [...list, chip.label],
    });
  },

  onChooseLocation() {
    const { lat, lng } = this.data.form;
    wx.chooseLocation({
      ...(lat !== null && lng !== null ? { latitude: lat, longitude: lng } : {}),
      success: (res) => {
        const address = [res.address, res.name].filter(Boolean).join(' ').slice(0, 100);
        this.setData({
          'form.lat': res.latitude,
          'form.lng': res.longitude,
          'form.address': address || this.data.form.address,
          'errors.address': '',
        });
      },
    });
  },

  onClearLocation() {
    this.setData({ 'form.lat': null, 'form.lng': null });
  },

  onOpenPicker(event: ValueEvent<unknown, { field: TimeField }>) {
    const field = event.currentTarget.dataset.field;
    const { form } = this.data;
    const now = Date.now();
    const start = form.startAt || nextHour(now + 24 * HOUR);
    const initial: Record<TimeField, number> = {
      startAt: start,
      endAt: form.endAt || start + 2 * HOUR,
      signupDeadline: form.signupDeadline || start - 24 * HOUR,
    };
    this.setData({
      picker: field,
      pickerTitle: PICKER_TITLES[field],
      pickerValue: Math.max(initial[field], now),
      minDate: now,
    });
  },

  onPickerClose() {
    this.setData({ picker: '' });
  },

  onPickerConfirm(event: { detail: number }) {
    const field = this.data.picker;
    if (!field) return;
    const value = Number(event.detail);
    const form = { ...this.data.form, [field]: value };
    // Moving the start carries the end along (same length), so the usual case needs one pick.
    if (field === 'startAt') {
      const length = this.data.form.endAt && this.data.form.startAt ? this.data.form.endAt - this.data.form.startAt : 0;
      form.endAt = length > 0 ? value + length : form.endAt || value + 2 * HOUR;
    }
    this.setData({
      picker: '',
      form,
      times: this.timesOf(form),
      'errors.startAt': '',
      'errors.endAt': '',
      'errors.signupDeadline': '',
    });
  },

  onClearDeadline() {
    const form = { ...this.data.form, signupDeadline: 0 };
    this.setData({ form, times: this.timesOf(form), 'errors.signupDeadline': '' });
  },

  onQuota(event: { detail: number | string }) {
    this.setData({ 'form.quota': Number(event.detail), 'errors.quota': '' });
  },

  onWeeks(event: { detail: number | string }) {
    this.setData({ 'form.repeatWeeks': Number(event.detail), 'errors.repeatWeeks': '' });
  },

  onSwitch(event: ValueEvent<boolean, { field: 'adultsOnly' | 'membersOnly' | 'repeat' }>) {
    this.setData({ [`form.${event.currentTarget.dataset.field}`]: event.detail });
  },

  async onSubmit() {
    if (this.data.submitting) return;
    const { form, editing, brigadeId, postId } = this.data;
    const errors = validate(form, Date.now(), !editing);
    if (Object.keys(errors).length) {
      this.setData({ errors });
      showFirstError(errors);
      Toast({ type: 'fail', message: '请按提示修改后再提交' });
      return;
    }
    if (!editing && !brigadeId) {
      Toast({ type: 'fail', message: '请先选择大队' });
      return;
    }
    this.setData({ submitting: true, errors: {} });
    try {
      if (editing) {
        await posts.update(toUpdateRequest(form, postId), { toast: false });
        Toast({ type: 'success', message: '已保存' });
        setTimeout(() => wx.navigateBack({ delta: 1 }), 600);
      } else {
        const created = await posts.create(toCreateRequest(form, brigadeId), { toast: false });
        const count = created.seriesPostIds?.length ?? 1;
        Toast({ type: 'success', message: count > 1 ? `已发布 ${count} 周的招募` : '已发布' });
        wx.redirectTo({ url: `/pages/post/index?postId=${created.postId}` });
      }
    } catch (error) {
      const fields = fromServerFields(fieldErrors(error));
      this.setData({ errors: fields });
      showFirstError(fields);
      Toast({ type: 'fail', message: messageOf(error), duration: 3000 });
    } finally {
      this.setData({ submitting: false });
    }
  },

  onOpenCancel() {
    this.setData({ showCancel: true, reason: '', reasonError: '' });
  },

  onCloseCancel() {
    this.setData({ showCancel: false });
  },

  onReason(event: { detail: string }) {
    this.setData({ reason: event.detail, reasonError: '' });
  },

  async onConfirmCancel() {
    const reason = this.data.reason.trim();
    if (!reason) {
      this.setData({ reasonError: '请填写取消原因，报名的义工会收到通知' });
      return;
    }
    if ([...reason].length > REASON_MAX) {
      this.setData({ reasonError: `取消原因不能超过 ${REASON_MAX} 个字` });
      return;
    }
    this.setData({ cancelling: true });
    try {
      await posts.cancel({ postId: this.data.postId, reason }, { toast: false });
      this.setData({ cancelling: false, showCancel: false });
      Toast({ type: 'success', message: '已取消招募\n已通知报名的义工' });
      setTimeout(() => wx.navigateBack({ delta: 1 }), 800);
    } catch (error) {
      this.setData({ cancelling: false, reasonError: fieldErrors(error).reason ?? messageOf(error) });
    }
  },
});
