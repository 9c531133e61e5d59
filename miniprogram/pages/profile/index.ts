import Toast from '@vant/weapp/toast/toast';
import type { Profile } from '../../typings/index';
import { fieldErrors, messageOf, volunteers } from '../../services/index';
import { FORM_KEYS, loadRecord, recordPage } from '../../utils/record';
import { TOWN_OPTIONS, availabilityGrid, chipsOf, weekColumns } from '../register/form';
import { pieceHandlers } from '../register/pieces';
import { SPECIALTIES } from '../../typings/index';
import { changesOf, emptyProfileForm, errorsOf, formOf, validateProfile, type ProfileErrors } from './form';
import type { ValueEvent } from '../../utils/events';
import { homeHandlers, homeText } from './home';

/** What 注销账号 removes and keeps, said before the user confirms (server/volunteers/privacy.ts). */
export const DELETE_NOTICE =
  '将删除：个人资料、手机号、监护人信息、大队成员身份、小组、订阅消息授权与消息记录、荣誉、服务证明。\n' +
  '将保留：匿名化的服务记录和时间银行流水（不再显示你的姓名）。\n注销后不可恢复。';

Page({
  ...recordPage,
  ...pieceHandlers,
  ...homeHandlers,

  data: {
    loading: true,
    loadError: '',
    name: '',
    cardNo: '',
    mobileMasked: '',
    form: emptyProfileForm(),
    errors: {} as ProfileErrors,
    towns: TOWN_OPTIONS,
    showTown: false,
    specialtyChips: chipsOf(SPECIALTIES),
    weekColumns: weekColumns(),
    grid: availabilityGrid(),
    saving: false,
    deleting: false,
    /** 家的位置 as shown; empty when not set. */
    home: '',
  },

  /** The form as loaded: what `保存` compares against. */
  before: emptyProfileForm(),

  onLoad() {
    void this.load();
  },

  load() {
    return loadRecord(
      this,
      () => volunteers.me({}, { toast: false }),
      (me) => (me.profile ? this.show(me.profile) : { loadError: '你还没有登记，请先登记成为义工' }),
      { keys: FORM_KEYS },
    );
  },

  show(profile: Profile): Record<string, unknown> {
    const form = formOf(profile);
    this.before = form;
    return {
      name: profile.name,
      cardNo: profile.cardNo,
      mobileMasked: profile.mobile,
      form,
      errors: {},
      specialtyChips: chipsOf(SPECIALTIES, form.specialties),
      grid: availabilityGrid(form.availability),
      home: homeText(profile),
    };
  },

  onTownConfirm(event: ValueEvent<{ value: string }>) {
    this.setData({ 'form.town': event.detail.value, 'errors.town': '', showTown: false });
  },

  async onSave() {
    if (this.data.saving) return;
    const errors = validateProfile(this.data.form);
    if (Object.keys(errors).length) {
      this.setData({ errors });
      Toast({ type: 'fail', message: '请按提示修改后再保存' });
      return;
    }
    const changes = changesOf(this.data.form, this.before);
    if (!Object.keys(changes).length) {
      Toast('资料没有改动');
      return;
    }
    this.setData({ saving: true, errors: {} });
    try {
      const profile = await volunteers.update(changes, { toast: false });
      this.setData({ saving: false, ...this.show(profile) });
      Toast({ type: 'success', message: '资料已保存' });
    } catch (error) {
      this.setData({ saving: false, errors: errorsOf(fieldErrors(error)) });
      Toast({ type: 'fail', message: messageOf(error, '保存失败，请稍后重试') });
    }
  },

  onExport() {
    wx.navigateTo({ url: '/pages/my-data/index' });
  },

  onDelete() {
    if (this.data.deleting) return;
    wx.showModal({
      title: '注销账号',
      content: DELETE_NOTICE,
      confirmText: '确认注销',
      confirmColor: '#ee0a24',
      success: (res) => {
        if (res.confirm) void this.deleteAccount();
      },
    });
  },

  async deleteAccount() {
    this.setData({ deleting: true });
    try {
      await volunteers.deleteMine({}, { toast: false });
      this.setData({ deleting: false });
      Toast({ type: 'success', message: '账号已注销' });
      wx.switchTab({ url: '/pages/me/index' });
    } catch (error) {
      this.setData({ deleting: false });
      // A current leader or someone with an upcoming sign-up is refused: the server says what to do first.
      wx.showModal({ title: '暂时无法注销', content: messageOf(error, '注销失败，请稍后重试'), showCancel: false });
    }
  },
});
