/** 星级: the level, the progress toward the next one and exactly what is missing, from `stars.get`. */
import type { HonourAward, StarsResponse } from '../../typings/index';
import { HONOUR_LABELS } from '../../typings/index';
import { shanghai } from '../../utils/time';
import { hoursOf } from '../../utils/format';

const LEVEL_NAMES = ['', '一星', '二星', '三星', '四星', '五星'];

export interface Requirement {
  key: 'hours' | 'tenure' | 'rating';
  label: string;
  /** What stands now, or what is still missing. */
  text: string;
  met: boolean;
}

export interface StarsView {
  level: number;
  earnedHours: string;
  rating: string;
  /** Absent at the top level. */
  next?: {
    name: string;
    /** Hours of the next level's threshold. */
    targetHours: string;
    percent: number;
    requirements: Requirement[];
    /** One sentence: everything still missing. */
    summary: string;
  };
}

export function toStarsView(s: StarsResponse): StarsView {
  const rating = s.averageRating !== undefined ? s.averageRating.toFixed(2) : '';
  const view: StarsView = { level: s.level, earnedHours: hoursOf(s.earnedMinutes), rating };
  if (!s.next) return view;
  const { minutesNeeded, tenureNeededDays, ratingNeeded } = s.next;
  const target = s.earnedMinutes + minutesNeeded;
  // With hours and tenure met, a next level still ahead can only be held back by the rating.
  const ratingMet = minutesNeeded === 0 && tenureNeededDays === 0 ? false : (s.averageRating ?? 0) >= ratingNeeded;
  const threshold = ratingNeeded.toFixed(1);
  const requirements: Requirement[] = [
    {
      key: 'hours',
      label: `服务时长满 ${hoursOf(target)} 小时`,
      text: minutesNeeded > 0 ? `还差 ${hoursOf(minutesNeeded)} 小时` : '已达标',
      met: minutesNeeded === 0,
    },
    {
      key: 'tenure',
      label: '注册时长',
      text: tenureNeededDays > 0 ? `还需 ${tenureNeededDays} 天` : '已达标',
      met: tenureNeededDays === 0,
    },
    {
      key: 'rating',
      label: `平均评分不低于 ${threshold}`,
      text: ratingMet ? '已达标' : rating ? `目前 ${rating}，未达 ${threshold}` : '暂无评分',
      met: ratingMet,
    },
  ];
  const short = { hours: '服务时长', tenure: '注册时长', rating: '评分' };
  const missing = requirements
    .filter((r) => !r.met)
    .map((r) => `${short[r.key]}${r.key === 'rating' ? '：' : ''}${r.text}`);
  return {
    ...view,
    next: {
      name: `${LEVEL_NAMES[s.next.level]}义工`,
      targetHours: hoursOf(target),
      percent: target > 0 ? Math.min(100, Math.floor((s.earnedMinutes / target) * 100)) : 100,
      requirements,
      summary: missing.length
        ? `距${LEVEL_NAMES[s.next.level]}：${missing.join('；')}`
        : `条件已满足，将在下次更新时升为${LEVEL_NAMES[s.next.level]}`,
    },
  };
}

export interface HonourRow {
  honourId: string;
  title: string;
  reason: string;
  date: string;
}

export function toHonourRow(h: HonourAward): HonourRow {
  return {
    honourId: h.honourId,
    title: h.year ? `${h.year} 年度${HONOUR_LABELS[h.honour]}` : HONOUR_LABELS[h.honour],
    reason: h.reason,
    date: shanghai(h.awardedAt).format('YYYY年M月D日'),
  };
}
