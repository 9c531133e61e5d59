import Toast from '@vant/weapp/toast/toast';
import { fieldErrors, messageOf, needs, resources, volunteers } from '../../../services/index';
import { checkImage, uploadImage } from '../../../services/files';
import type { SaveWishRequest } from '../../../typings/index';
import type { WishKind } from '../../../typings/resources';
import type { ValueEvent } from '../../../utils/events';

interface Form {
  title: string;
  description: string;
  kind: WishKind;
  value: string;
  photoPath: string;
  photoSize: number;
}

const emptyForm = (): Form => ({ title: '', description: '', kind: 'goods', value: '', photoPath: '', photoSize: 0 });

function missing(form: Form): string | undefined {
  if (!form.title.trim()) return '请填写心愿内容';
  if (!form.description.trim()) return '请填写心愿说明';
  if (form.value && !/^\d+$/.test(form.value.trim())) return '预估价值请填写整数（元）';
  return undefined;
}

/** 发布微心愿 for a recipient (from the recipient's page), or 修改 a pending or rejected one; hq reviews it. */
Page({
  data: {
    recipientId: '',
    wishId: '',
    who: '',
    form: emptyForm(),
    loading: false,
    loadError: '',
    saving: false,
    errors: {} as Record<string, string>,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ recipientId: query.recipientId ?? '', wishId: query.wishId ?? '' });
    if (query.wishId) wx.setNavigationBarTitle({ title: '修改微心愿' });
    void this.prefill();
  },

  onRetry() {
    void this.prefill();
  },

  async prefill() {
    this.setData({ loading: true, loadError: '' });
    try {
      if (this.data.wishId) {
        const wish = await resources.wish({ wishId: this.data.wishId }, { toast: false });
        const form = {
          ...emptyForm(),
          title: wish.title,
          description: wish.description,
          kind: wish.kind,
          value: wish.estimatedValue !== undefined ? String(wish.estimatedValue) : '',
        };
        this.setData({ recipientId: wish.recipientId ?? '', who: wish.recipient.displayName, form });
      } else {
        const recipient = await needs.recipient({ recipientId: this.data.recipientId }, { toast: false });
        this.setData({ who: `${recipient.displayName} · ${recipient.community}` });
      }
      this.setData({ loading: false });
    } catch (error) {
      this.setData({ loading: false, loadError: messageOf(error) });
    }
  },

  onInput(event: ValueEvent<string, { field: string }>) {
    const field = event.currentTarget.dataset.field;
    this.setData({ [`form.${field}`]: event.detail, [`errors.${field}`]: '' });
  },

  onKind(event: ValueEvent<unknown, { value: WishKind }>) {
    this.setData({ 'form.kind': event.currentTarget.dataset.value });
  },

  onPhoto() {
    wx.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sizeType: ['compressed'],
      success: (res) => {
        const file = res.tempFiles[0];
        const problem = file ? checkImage({ tempFilePath: file.tempFilePath, size: file.size }) : undefined;
        if (problem) Toast({ message: problem, duration: 2500 });
        else if (file) this.setData({ 'form.photoPath': file.tempFilePath, 'form.photoSize': file.size });
      },
    });
  },

  async onSubmit() {
    const form = this.data.form;
    const problem = missing(form);
    if (problem) {
      Toast({ message: problem, duration: 2500 });
      return;
    }
    this.setData({ saving: true });
    try {
      let photoFileId: string | undefined;
      if (form.photoPath) {
        const me = await volunteers.me({}, { toast: false });
        const ext = /\.png$/i.test(form.photoPath) ? 'png' : 'jpg';
        const path = `wishes/${me.profile?.volunteerId ?? ''}/${Date.now()}.${ext}`;
        photoFileId = await uploadImage({ tempFilePath: form.photoPath, size: form.photoSize }, path);
      }
      const request: SaveWishRequest = {
        recipientId: this.data.recipientId,
        title: form.title.trim(),
        description: form.description.trim(),
        kind: form.kind,
        ...(form.value.trim() ? { estimatedValue: Number(form.value.trim()) } : {}),
        ...(this.data.wishId ? { wishId: this.data.wishId } : {}),
        ...(photoFileId ? { photoFileId } : {}),
      };
      const saved = await resources.saveWish(request);
      Toast({ type: 'success', message: '已提交，等待总队审核', duration: 1500 });
      wx.redirectTo({ url: `/resources/pages/wish/index?wishId=${saved.wishId}` });
    } catch (error) {
      this.setData({ errors: fieldErrors(error) });
    }
    this.setData({ saving: false });
  },
});
