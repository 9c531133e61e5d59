import type { BrigadePost, BrigadePostState } from '../../../typings/index';
import { formatRange } from '../../../utils/time';

/** The tabs of 本队活动, in the order a service passes through them. */
export const TABS: { name: BrigadePostState; title: string; empty: string }[] = [
  { name: 'upcoming', title: '未开始', empty: '暂无未开始的活动，去发布招募吧' },
  { name: 'ongoing', title: '进行中', empty: '暂无进行中的活动' },
  { name: 'unrecorded', title: '待录入', empty: '已结束的活动都已录入' },
  { name: 'recorded', title: '已录入', empty: '暂无已录入的活动' },
];

/** A row of 本队活动: what it is, when, how many, and the buttons its state calls for. */
export interface WorkbenchRow {
  postId: string;
  title: string;
  time: string;
  counts: string;
  roster: boolean;
  code: boolean;
  record: '' | '录入' | '查看录入';
}

function countsOf(post: BrigadePost, state: BrigadePostState): string {
  const signed = `已报名 ${post.confirmedCount}/${post.quota} 人`;
  const waiting = post.waitlistCount > 0 ? ` · 候补 ${post.waitlistCount} 人` : '';
  if (state === 'unrecorded') return `已报名 ${post.confirmedCount} 人 · 待录入`;
  if (state === 'recorded') return `已录入 ${post.recordedCount ?? 0}/${post.confirmedCount} 人`;
  return signed + waiting;
}

export function toRow(post: BrigadePost, state: BrigadePostState): WorkbenchRow {
  const ended = state === 'unrecorded' || state === 'recorded';
  return {
    postId: post.postId,
    title: post.title,
    time: formatRange(post.startAt, post.endAt),
    counts: countsOf(post, state),
    roster: true,
    code: !ended,
    record: state === 'unrecorded' ? '录入' : state === 'recorded' ? '查看录入' : '',
  };
}
