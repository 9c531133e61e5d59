/**
 * Dates for display, always in Asia/Shanghai (UTC+08:00 all year, no daylight saving), whatever the
 * device's time zone. Imports only `dayjs` itself: a mini program resolves an npm package to the one
 * entry file "Build npm" packs (miniprogram_npm/dayjs/index.js), so `dayjs/plugin/utc` and
 * `dayjs/locale/zh-cn` do not exist there. The fixed offset and the few Chinese names we need live here.
 */
import dayjs from 'dayjs';

const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** A dayjs whose local fields (year … minute) read as Asia/Shanghai wall-clock time for `ms`. */
export function shanghai(ms: number): dayjs.Dayjs {
  // getTimezoneOffset() is (UTC − local) in minutes, e.g. −480 on a device set to China time.
  const shift = SHANGHAI_OFFSET_MINUTES + new Date(ms).getTimezoneOffset();
  return dayjs(ms + shift * 60_000);
}

/** `3月5日 周三` */
export function formatDay(ms: number): string {
  const d = shanghai(ms);
  return `${d.month() + 1}月${d.date()}日 ${WEEKDAYS[d.day()]}`;
}

/** `2026年3月5日`, for documents and records kept for years. */
export function formatDate(ms: number): string {
  return shanghai(ms).format('YYYY年M月D日');
}

/** `3月5日 周三 09:00` */
export function formatDateTime(ms: number): string {
  return `${formatDay(ms)} ${shanghai(ms).format('HH:mm')}`;
}

/** `3月5日 周三 09:00–11:30`, or both ends in full when the range spans days. */
export function formatRange(startMs: number, endMs: number): string {
  const start = shanghai(startMs);
  const end = shanghai(endMs);
  if (start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD')) {
    return `${formatDay(startMs)} ${start.format('HH:mm')}–${end.format('HH:mm')}`;
  }
  return `${formatDateTime(startMs)} – ${formatDateTime(endMs)}`;
}
