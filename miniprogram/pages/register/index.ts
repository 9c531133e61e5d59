import Toast from '@vant/weapp/toast/toast';
import { PRIVACY_NOTICE_VERSION } from '../../typings/index';
import { fieldErrors, messageOf, volunteers } from '../../services/index';
import { FORM_KEYS, loadRecord, recordPage } from '../../utils/record';
import { shanghai } from '../../utils/time';
import {
  TOWN_OPTIONS,
  areaChips,
  availabilityGrid,
  birthYears,
  emptyForm,
  fromServerFields,
  intentionChips,
  isMinor,
  specialtyChips,
  toRequest,
  validate,
  weekColumns,
  type FormErrors,
} from './form';
import { pieceHandlers } from './pieces';
import type { ValueEvent } from '../../utils/events';

const TAB_PAGES = ['/pages/feed/index', '/pages/brigades/index', '/pages/me/index'];
const DEFAULT_BIRTH_YEAR = 1990;

const thisYear = () => shanghai(Date.now()).year();

Page({
  ...recordPage,
  ...pieceHandlers,

  data: {
    loading: true,
    loadError: '',
    /** Card number when the caller has registered already. */
    registeredCardNo: '',
    form: emptyForm(),
    errors: {} as FormErrors,
    minor: false,
    submitting: false,
    towns: TOWN_OPTIONS,
    years: [] as number[],
    yearIndex: 0,
    showTown: false,
    showYear: false,
    specialtyChips: specialtyChips(),
    intentionChips: intentionChips(),
    areaChips: areaChips(),
    weekColumns: weekColumns(),
    grid: availabilityGrid(),
    privacyVersion: PRIVACY_NOTICE_VERSION,
  },

  redirect: '',

  onLoad(query: Record<string, string | undefined>) {
    this.redirect = query.redirect ? decodeURIComponent(query.redirect) : '';
    const years = birthYears(thisYear());
    this.setData({ years, yearIndex: Math.max(0, years.indexOf(DEFAULT_BIRTH_YEAR)) });
    void this.load();
  },

  load() {
    return loadRecord(
      this,
      () => volunteers.me({}, { toast: false }),
      (me) => ({ registeredCardNo: me.registered ? (me.cardNo ?? '') : '' }),
      { keys: FORM_KEYS },
    );
  },

  onTownConfirm(event: ValueEvent<{ value: string; index: number }>) {
    const town = event.detail.value;
    const update: Record<string, unknown> = { 'form.town': town, 'errors.town': '', showTown: false };
    // The home town is the natural first service area.
    if (!this.data.form.serviceAreas.length) {
      update['form.serviceAreas'] = [town];
      update[`areaChips[${TOWN_OPTIONS.indexOf(town)}].on`] = true;
    }
    this.setData(update);
  },

  onOpenYear() {
    this.setData({ showYear: true });
  },
  onCloseYear() {
    this.setData({ showYear: false });
  },
  onYearConfirm(event: ValueEvent<{ value: number; index: number }>) {
    const birthYear = Number(event.detail.value);
    this.setData({
      'form.birthYear': birthYear,
      'errors.birthYear': '',
      yearIndex: event.detail.index,
      minor: isMinor(birthYear, thisYear()),
      showYear: false,
    });
  },

  onGuardianConsent(event: ValueEvent<boolean>) {
    this.setData({ 'form.guardianConsent': event.detail, 'errors.guardianConsent': '' });
  },

  onConsent(event: ValueEvent<boolean>) {
    this.setData({ 'form.consent': event.detail, 'errors.consent': '' });
  },

  onOpenPrivacy() {
    wx.openPrivacyContract({});
  },

  async onSubmit() {
    if (this.data.submitting) return;
    const year = thisYear();
    const errors = validate(this.data.form, year);
    if (Object.keys(errors).length) {
      this.setData({ errors });
      Toast({ type: 'fail', message: '请按提示修改后再提交' });
      return;
    }
    this.setData({ submitting: true, errors: {} });
    try {
      const profile = await volunteers.register(toRequest(this.data.form, year), { toast: false });
      this.setData({ submitting: false, registeredCardNo: profile.cardNo });
      Toast({ type: 'success', message: `登记成功\n义工证号 ${profile.cardNo}` });
      this.leave();
    } catch (error) {
      const fields = fromServerFields(fieldErrors(error));
      this.setData({ submitting: false, errors: fields });
      Toast({ type: 'fail', message: messageOf(error, '提交失败，请稍后重试') });
    }
  },

  /** Back to where the user came from (the join page passes `redirect`), else to 我的. */
  leave() {
    const target = this.redirect;
    if (!target) {
      wx.switchTab({ url: '/pages/me/index' });
      return;
    }
    const path = target.split('?')[0];
    const pages = getCurrentPages();
    const previous = pages.length > 1 ? pages[pages.length - 2] : undefined;
    if (previous && `/${previous.route}` === path) wx.navigateBack({ delta: 1 });
    else if (TAB_PAGES.includes(path)) wx.switchTab({ url: path });
    else wx.redirectTo({ url: target });
  },

  onViewCard() {
    wx.redirectTo({ url: '/pages/card/index' });
  },

  onContinue() {
    this.leave();
  },
});
