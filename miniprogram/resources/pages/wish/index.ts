import Toast from '@vant/weapp/toast/toast';
import { messageOf, resources, volunteers } from '../../../services/index';
import { checkImage, uploadImage, type ChosenImage } from '../../../services/files';
import type { ValueEvent } from '../../../utils/events';
import { newRequestId } from '../../../utils/request-id';
import { askSubscription, prepareSubscription, reportSubscription } from '../../../utils/subscribe';
import { toWishDetail } from '../../wish-view';

const PHOTOS_MAX = 6;

/** Asks (inside the tap) for the notice template, so 请确认 / 收到感谢 / 认领超时 reach the volunteer; quiet on failure. */
function subscribeToNotices(): void {
  void askSubscription(['notice']).then((ids) => reportSubscription({ kind: 'wishes' }, ids));
}

function confirmDialog(title: string, content: string, confirmText: string): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({ title, content, confirmText, success: (res) => resolve(res.confirm), fail: () => resolve(false) });
  });
}

function askThanks(): Promise<string | undefined> {
  return new Promise((resolve) => {
    wx.showModal({
      title: '确认收到并致谢',
      editable: true,
      placeholderText: '写一句感谢的话（选填）',
      confirmText: '确认',
      success: (res) => resolve(res.confirm ? (res.content ?? '').trim() : undefined),
      fail: () => resolve(undefined),
    });
  });
}

function choosePhotos(): Promise<ChosenImage[]> {
  return new Promise((resolve) => {
    wx.chooseMedia({
      count: PHOTOS_MAX,
      mediaType: ['image'],
      sizeType: ['compressed'],
      success: (res) => resolve(res.tempFiles.map((f) => ({ tempFilePath: f.tempFilePath, size: f.size }))),
      fail: () => resolve([]),
    });
  });
}

/** 心愿详情: who and what; 认领 (with a confirm dialog), 上传完成照片 for the claimer, 确认收到并致谢 for the poster's side. */
Page({
  data: {
    wishId: '',
    loading: true,
    error: '',
    wish: null as ReturnType<typeof toWishDetail> | null,
    busy: false,
    requestId: '',
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ wishId: query.wishId ?? '', requestId: newRequestId() });
    void prepareSubscription();
  },

  onShow() {
    void this.load();
  },

  onRetry() {
    void this.load();
  },

  async load() {
    this.setData({ loading: !this.data.wish, error: '' });
    try {
      const wish = await resources.wish({ wishId: this.data.wishId }, { toast: false });
      this.setData({ loading: false, wish: toWishDetail(wish) });
    } catch (error) {
      this.setData({ loading: false, error: messageOf(error) });
    }
  },

  async run(work: () => Promise<unknown>, done: string) {
    if (this.data.busy) return;
    this.setData({ busy: true });
    try {
      await work();
      Toast({ type: 'success', message: done, duration: 2000 });
      await this.load();
    } catch (error) {
      Toast({ message: messageOf(error), duration: 3000 });
    }
    this.setData({ busy: false });
  },

  async onClaim() {
    const wish = this.data.wish;
    if (!wish) return;
    subscribeToNotices();
    const sure = await confirmDialog(
      '认领这个心愿？',
      `为${wish.who}圆梦：${wish.title}。认领后请在 14 天内送达并上传完成照片。`,
      '认领',
    );
    if (!sure) return;
    const { wishId, requestId } = this.data;
    await this.run(() => resources.claimWish({ wishId, requestId }, { toast: false }), '认领成功，感谢您的爱心');
  },

  async onFulfil() {
    const chosen = await choosePhotos();
    if (chosen.length === 0) return;
    const problem = chosen.map(checkImage).find(Boolean);
    if (problem) {
      Toast({ message: problem, duration: 2500 });
      return;
    }
    const wishId = this.data.wishId;
    await this.run(async () => {
      const me = await volunteers.me({}, { toast: false });
      const owner = me.profile?.volunteerId ?? (await resources.myDonor({}, { toast: false })).donor?.donorId ?? '';
      const photoFileIds: string[] = [];
      for (const [i, file] of chosen.entries()) {
        const ext = /\.png$/i.test(file.tempFilePath) ? 'png' : 'jpg';
        photoFileIds.push(await uploadImage(file, `wishes/${owner}/${wishId}-${Date.now()}-${i}.${ext}`));
      }
      await resources.fulfilWish({ wishId, photoFileIds }, { toast: false });
    }, '已上传，等待社工确认');
  },

  async onConfirm() {
    const thanks = await askThanks();
    if (thanks === undefined) return;
    const wishId = this.data.wishId;
    await this.run(
      () => resources.confirmWish({ wishId, ...(thanks ? { thanks } : {}) }, { toast: false }),
      '已确认，感谢已送达认领人',
    );
  },

  onEdit() {
    wx.navigateTo({ url: `/resources/pages/wish-form/index?wishId=${this.data.wishId}` });
  },

  onPreview(event: ValueEvent<unknown, { url: string }>) {
    const photos = this.data.wish?.photos ?? [];
    wx.previewImage({ urls: photos, current: event.currentTarget.dataset.url });
  },
});
