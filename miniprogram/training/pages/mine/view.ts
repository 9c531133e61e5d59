/** 我的培训: the trainings a volunteer attended, as the page shows them. */
import type { TrainingRecord } from '../../../typings/index';
import { hoursOf } from '../../../utils/format';
import { formatDate } from '../../../utils/time';

export interface TrainingRow {
  postId: string;
  /** The topic, or the post's title when it has none. */
  title: string;
  /** `讲师 李医生 · 石岐博爱大队` */
  detail: string;
  date: string;
  /** `1.5 小时` */
  hours: string;
}

export const toTrainingRow = (t: TrainingRecord): TrainingRow => ({
  postId: t.postId,
  title: t.topic || t.postTitle,
  detail: [t.trainer ? `讲师 ${t.trainer}` : '', t.brigadeName].filter(Boolean).join(' · '),
  date: formatDate(t.serviceDate),
  hours: `${hoursOf(t.minutes)} 小时`,
});
