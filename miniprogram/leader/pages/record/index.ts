import Toast from '@vant/weapp/toast/toast';
import { CallError, fieldErrors, messageOf, posts, timebank, volunteers } from '../../../services/index';
import { checkImage, uploadImage, type ChosenImage } from '../../../services/files';
import { formatRange } from '../../../utils/time';
import { loadRecord, recordPage, showLoadError } from '../../../utils/record';
import { newRequestId } from '../../../utils/request-id';
import { entriesOf, needsReason, recordedText, toRecordRows, type RecordRow, type RosterWithRecord } from './view';

interface RecordPost {
  title: string;
  time: string;
  started: boolean;
  cancelled: boolean;
}

interface Adjusting {
  index: number;
  name: string;
  minutes: number;
  rating: number;
  reason: string;
  requestId: string;
}

/** A Vant event from a row's control: its detail and the row index in `data-index`. */
type RowEvent<D = unknown> = { detail: D; currentTarget: { dataset: { index: number } } };

/**
 * 服务情况录入 for a post that has started: each confirmed attendee with the minutes from check-in/out, editable,
 * a 1–5 rating and an absent toggle; submit records everyone not yet recorded. A recorded attendee is corrected
 * only by an adjustment with a reason.
 */
Page({
  ...recordPage,

  data: {
    postId: '',
    loading: true,
    error: '',
    post: null as RecordPost | null,
    rows: [] as RecordRow[],
    pending: 0,
    submitting: false,
    adjusting: null as Adjusting | null,
    adjustErrors: {} as Record<string, string>,
    adjustSaving: false,
    /** The server said someone is already recorded (the roster does not say who): offer 调整 on every row. */
    offerAdjustAll: false,
    notice: '',
    /** 受益人数: how many recipients the service reached, entered once per post (0: not entered). */
    peopleServed: 0,
    /** 服务照片: uploading now, and how many the post holds after this visit's uploads (0: none yet). */
    uploadingPhotos: false,
    photoCount: 0,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ postId: query.postId ?? '' });
    void this.load();
  },

  async load() {
    const { postId } = this.data;
    if (!postId) {
      showLoadError(this, '请从报名名单进入服务录入');
      return;
    }
    await loadRecord(
      this,
      () => Promise.all([posts.get({ postId }, { toast: false }), posts.roster({ postId }, { toast: false })]),
      ([post, roster]) => {
        const rows = toRecordRows(roster.items as RosterWithRecord[], post.startAt, post.endAt, Date.now());
        return {
          post: {
            title: post.title,
            time: formatRange(post.startAt, post.endAt),
            started: Date.now() >= post.startAt,
            cancelled: post.status === 'cancelled',
          },
          rows,
          pending: rows.filter((r) => !r.recorded).length,
        };
      },
    );
  },

  onMinutes(event: RowEvent<number | string>) {
    const minutes = Math.max(0, Math.min(1440, Math.round(Number(event.detail) || 0)));
    const index = event.currentTarget.dataset.index;
    this.setData({
      [`rows[${index}].minutes`]: minutes,
      [`rows[${index}].needsReason`]: needsReason({ ...this.data.rows[index], minutes }),
    });
  },

  onReason(event: RowEvent<string>) {
    this.setData({ [`rows[${event.currentTarget.dataset.index}].reason`]: String(event.detail ?? '') });
  },

  onRate(event: RowEvent<number>) {
    this.setData({ [`rows[${event.currentTarget.dataset.index}].rating`]: Number(event.detail) });
  },

  onAbsent(event: RowEvent<boolean>) {
    const index = event.currentTarget.dataset.index;
    const absent = !!event.detail;
    this.setData({
      [`rows[${index}].absent`]: absent,
      [`rows[${index}].needsReason`]: needsReason({ ...this.data.rows[index], absent }),
    });
  },

  /** 上传服务照片: choose up to 6, check each on the phone, upload to `photos/<volunteerId>/`, then addPhotos. */
  onAddPhotos() {
    if (this.data.uploadingPhotos) return;
    wx.chooseMedia({
      count: 6,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
      success: (res) => {
        const files = res.tempFiles.map((f) => ({ tempFilePath: f.tempFilePath, size: f.size }));
        const problem = files.map(checkImage).find(Boolean);
        if (problem) Toast({ type: 'fail', message: problem });
        else if (files.length) void this.uploadPhotos(files);
      },
    });
  },

  async uploadPhotos(files: ChosenImage[]) {
    this.setData({ uploadingPhotos: true });
    try {
      const me = await volunteers.me({}, { toast: false });
      const volunteerId = me.profile?.volunteerId ?? '';
      const stamp = Date.now().toString(36);
      const fileIds = await Promise.all(
        files.map((f, i) =>
          uploadImage(
            f,
            `photos/${volunteerId}/${this.data.postId}-${stamp}-${i}.${/\.png$/i.test(f.tempFilePath) ? 'png' : 'jpg'}`,
          ),
        ),
      );
      const { photos } = await posts.addPhotos({ postId: this.data.postId, fileIds }, { toast: false });
      this.setData({ uploadingPhotos: false, photoCount: photos });
      Toast({ type: 'success', message: '已上传，审核通过后展示在大队主页' });
    } catch (error) {
      this.setData({ uploadingPhotos: false });
      Toast({ type: 'fail', message: messageOf(error, '上传失败，请稍后重试'), duration: 3000 });
    }
  },

  onPeopleServed(event: { detail: number | string }) {
    this.setData({ peopleServed: Math.max(0, Math.floor(Number(event.detail) || 0)) });
  },

  async onSubmit() {
    const entries = entriesOf(this.data.rows);
    if (!entries.length || this.data.submitting) return;
    this.setData({ submitting: true, notice: '' });
    try {
      const { postId, peopleServed } = this.data;
      const result = await timebank.record(
        { postId, entries, ...(peopleServed > 0 ? { peopleServed } : {}) },
        { toast: false },
      );
      const update: Record<string, unknown> = { submitting: false, pending: 0 };
      this.data.rows.forEach((row, i) => {
        if (row.recorded) return;
        update[`rows[${i}].recorded`] = recordedText(
          row.absent
            ? { status: 'absent', minutes: 0 }
            : { status: 'attended', minutes: row.minutes, rating: row.rating },
        );
      });
      this.setData(update);
      wx.showToast({ title: `已录入 ${result.recorded + result.unchanged} 人`, icon: 'success' });
    } catch (error) {
      const fields = Object.values(fieldErrors(error));
      const message = fields[0] ?? (error instanceof CallError ? error.message : '录入失败，请稍后重试');
      const recordedBefore =
        error instanceof CallError && error.code === 'FAILED_PRECONDITION' && message.includes('已录入');
      this.setData({ submitting: false, notice: message, offerAdjustAll: this.data.offerAdjustAll || recordedBefore });
    }
  },

  onAdjust(event: RowEvent) {
    const index = event.currentTarget.dataset.index;
    const row = this.data.rows[index];
    this.setData({
      adjusting: {
        index,
        name: row.name,
        minutes: row.absent ? 0 : row.minutes,
        rating: row.rating,
        reason: '',
        requestId: newRequestId(),
      },
      adjustErrors: {},
    });
  },

  onAdjustMinutes(event: { detail: number | string }) {
    const minutes = Math.max(0, Math.min(1440, Math.round(Number(event.detail) || 0)));
    this.setData({ 'adjusting.minutes': minutes });
  },

  onAdjustRate(event: { detail: number }) {
    this.setData({ 'adjusting.rating': Number(event.detail) });
  },

  onAdjustReason(event: { detail: string }) {
    this.setData({ 'adjusting.reason': String(event.detail ?? ''), 'adjustErrors.reason': '' });
  },

  onAdjustClose() {
    if (!this.data.adjustSaving) this.setData({ adjusting: null });
  },

  async onAdjustSave() {
    const a = this.data.adjusting;
    if (!a || this.data.adjustSaving) return;
    const reason = a.reason.trim();
    if (!reason) {
      this.setData({ adjustErrors: { reason: '请填写调整原因' } });
      return;
    }
    const row = this.data.rows[a.index];
    this.setData({ adjustSaving: true });
    try {
      const record = await timebank.adjust(
        {
          postId: this.data.postId,
          volunteerId: row.volunteerId,
          minutes: a.minutes,
          rating: a.rating,
          reason,
          requestId: a.requestId,
        },
        { toast: false },
      );
      const state = { status: record.status, minutes: record.minutes, rating: record.rating };
      this.setData({
        adjustSaving: false,
        adjusting: null,
        [`rows[${a.index}].recorded`]: recordedText(state),
        [`rows[${a.index}].minutes`]: record.minutes,
        [`rows[${a.index}].rating`]: record.rating ?? a.rating,
        [`rows[${a.index}].absent`]: record.status === 'absent',
      });
      wx.showToast({ title: '已调整', icon: 'success' });
    } catch (error) {
      const fields = fieldErrors(error);
      const message = error instanceof CallError ? error.message : '调整失败，请稍后重试';
      this.setData({
        adjustSaving: false,
        adjustErrors: { reason: fields.reason ?? '', form: fields.reason ? '' : message },
      });
    }
  },
});
