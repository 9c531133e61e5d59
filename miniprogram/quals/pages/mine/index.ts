import Toast from '@vant/weapp/toast/toast';
import { fieldErrors, messageOf, volunteers } from '../../../services/index';
import { checkImage, uploadImage, type ChosenImage } from '../../../services/files';
import type { QualificationType } from '../../../typings/index';
import type { ValueEvent } from '../../../utils/events';
import { formatDate } from '../../../utils/time';
import { emptyQualForm, toQualView, typeChips, validateQualForm, type QualErrors, type QualView } from '../../view';

type DateField = 'issuedAt' | 'expiresAt';
const DAY = 24 * 3_600_000;
const YEAR = 365 * DAY;

/** A fresh name under the volunteer's own folder, keeping the photo's extension. */
const cloudPathOf = (volunteerId: string, file: ChosenImage) =>
  `qualifications/${volunteerId}/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.${
    /\.png$/i.test(file.tempFilePath) ? 'png' : 'jpg'
  }`;

/**
 * 我的资格证书: the volunteer's qualifications with their state (审核中 / 已认证 / 未通过（原因） / 已过期), and the form
 * that adds one — type, name, dates and a photo of the certificate (checked on the phone, uploaded, then reviewed).
 */
Page({
  data: {
    items: [] as QualView[],
    loading: false,
    error: '',
    volunteerId: '',
    adding: false,
    form: emptyQualForm(),
    chips: typeChips(),
    dates: { issuedAt: '', expiresAt: '' },
    photo: null as ChosenImage | null,
    errors: {} as QualErrors,
    submitting: false,
    picker: '' as DateField | '',
    pickerValue: 0,
    minDate: 0,
    maxDate: 0,
  },

  onShow() {
    void this.load();
  },

  onPullDownRefresh() {
    void this.load().then(() => wx.stopPullDownRefresh());
  },

  onRetry() {
    void this.load();
  },

  async load() {
    this.setData({ loading: this.data.items.length === 0, error: '' });
    try {
      const [list, me] = await Promise.all([
        volunteers.qualifications({}, { toast: false }),
        this.data.volunteerId ? Promise.resolve(undefined) : volunteers.me({}, { toast: false }),
      ]);
      const volunteerId = me?.profile?.volunteerId ?? this.data.volunteerId;
      this.setData({ loading: false, items: list.items.map(toQualView), volunteerId });
    } catch (error) {
      this.setData({ loading: false, error: messageOf(error) });
    }
  },

  onAdd() {
    this.setData({
      adding: true,
      form: emptyQualForm(),
      chips: typeChips(),
      dates: { issuedAt: '', expiresAt: '' },
      photo: null,
      errors: {},
    });
  },

  onCancelAdd() {
    this.setData({ adding: false });
  },

  onType(event: ValueEvent<unknown, { index: number }>) {
    const type = this.data.chips[event.currentTarget.dataset.index].label;
    this.setData({ chips: typeChips(type), 'form.type': type, 'errors.type': '' });
  },

  onTitle(event: ValueEvent<string>) {
    this.setData({ 'form.title': event.detail, 'errors.title': '' });
  },

  onOpenPicker(event: ValueEvent<unknown, { field: DateField }>) {
    const field = event.currentTarget.dataset.field;
    const now = Date.now();
    const current = this.data.form[field];
    this.setData({
      picker: field,
      pickerValue: current || (field === 'issuedAt' ? now - YEAR : now + 3 * YEAR),
      minDate: field === 'issuedAt' ? now - 50 * YEAR : now + DAY,
      maxDate: field === 'issuedAt' ? now : now + 50 * YEAR,
    });
  },

  onPickerClose() {
    this.setData({ picker: '' });
  },

  onPickerConfirm(event: { detail: number }) {
    const field = this.data.picker;
    if (!field) return;
    const value = Number(event.detail);
    this.setData({
      picker: '',
      [`form.${field}`]: value,
      [`dates.${field}`]: formatDate(value),
      [`errors.${field}`]: '',
    });
  },

  onClearExpiry() {
    this.setData({ 'form.expiresAt': 0, 'dates.expiresAt': '', 'errors.expiresAt': '' });
  },

  onChoosePhoto() {
    wx.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
      success: (res) => {
        const chosen = res.tempFiles[0];
        if (!chosen) return;
        const file = { tempFilePath: chosen.tempFilePath, size: chosen.size };
        const problem = checkImage(file);
        this.setData(problem ? { photo: null, 'errors.photo': problem } : { photo: file, 'errors.photo': '' });
      },
    });
  },

  onPreview(event: ValueEvent<unknown, { url: string }>) {
    const url = event.currentTarget.dataset.url;
    if (url) wx.previewImage({ urls: [url], current: url });
  },

  async onSubmit() {
    if (this.data.submitting) return;
    const { form, photo, volunteerId } = this.data;
    const errors = validateQualForm(form, !!photo, Date.now());
    if (Object.keys(errors).length || !photo) {
      this.setData({ errors });
      Toast({ type: 'fail', message: '请按提示修改后再提交' });
      return;
    }
    this.setData({ submitting: true, errors: {} });
    try {
      const fileId = await uploadImage(photo, cloudPathOf(volunteerId, photo));
      await volunteers.addQualification(
        {
          type: form.type as QualificationType,
          fileId,
          ...(form.title.trim() ? { title: form.title.trim() } : {}),
          ...(form.issuedAt ? { issuedAt: form.issuedAt } : {}),
          ...(form.expiresAt ? { expiresAt: form.expiresAt } : {}),
        },
        { toast: false },
      );
      Toast({ type: 'success', message: '已提交，等待审核' });
      this.setData({ adding: false, submitting: false });
      await this.load();
    } catch (error) {
      const fields = fieldErrors(error);
      this.setData({ submitting: false, errors: { ...fields, ...(fields.fileId ? { photo: fields.fileId } : {}) } });
      Toast({ type: 'fail', message: messageOf(error, '提交失败，请稍后重试'), duration: 3000 });
    }
  },
});
