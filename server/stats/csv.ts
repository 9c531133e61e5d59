/** Pure: the brigade table as CSV that Excel opens correctly (UTF-8 with a BOM, CRLF, quoted where needed). */
import type { OverviewResponse } from '../../typings/api/stats';
import { addFigures, emptyFigures, noShowRate, type Figures } from '../rules/stats';

export const BOM = '\uFEFF';

export const CSV_HEADER = [
  '大队',
  '镇区',
  '招募场次',
  '服务人次',
  '服务时长（小时）',
  '服务人数',
  '缺席人次',
  '缺席率',
];

const cell = (value: string | number) => {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const hours = (minutes: number) => (minutes / 60).toFixed(1);
const percent = (f: Pick<Figures, 'sessions' | 'noShows'>) => `${(noShowRate(f) * 100).toFixed(1)}%`;

const line = (name: string, town: string, f: Figures) =>
  [name, town, f.posts, f.sessions, hours(f.minutes), f.peopleServed, f.noShows, percent(f)].map(cell).join(',');

/** One row per brigade (as ranked), then a 合计 row. */
export function brigadeCsv(rows: OverviewResponse['byBrigade']): string {
  const total = rows.reduce((sum, r) => addFigures(sum, r as unknown as Record<string, unknown>), emptyFigures());
  const lines = [CSV_HEADER.map(cell).join(','), ...rows.map((r) => line(r.name, r.town, r)), line('合计', '', total)];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** `博爱义工统计_2026-01_2026-11.csv`. */
export const exportFileName = (first: string, last: string) => `博爱义工统计_${first}_${last}.csv`;
