/** Time in Asia/Shanghai (UTC+8 all year, no daylight saving since 1991): calendar days, months, years. */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

export const SHANGHAI_OFFSET_MINUTES = 480;

export const shanghai = (ms: number) => dayjs(ms).utcOffset(SHANGHAI_OFFSET_MINUTES);

/** `YYYY` of the Shanghai calendar. */
export const shanghaiYear = (ms: number): number => shanghai(ms).year();

/** `YYYY-MM` of the Shanghai calendar, the statistics' month key. */
export const shanghaiMonth = (ms: number): string => shanghai(ms).format('YYYY-MM');

/** `YYYY-MM-DD` of the Shanghai calendar. */
export const shanghaiDate = (ms: number): string => shanghai(ms).format('YYYY-MM-DD');

/** Human form for messages, e.g. `11月28日 09:00`. */
export const shanghaiLabel = (ms: number): string => shanghai(ms).format('M月D日 HH:mm');
