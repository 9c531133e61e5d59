/** Pure: the brigade table as CSV that Excel opens correctly and safely (UTF-8 BOM, CRLF, quoted, formulas as text). */
import type { NeedsFigures, OverviewResponse, TrainingFigures } from '../../typings/api/stats';
import { hoursOf } from '../../typings/display';
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

/** Text that a spreadsheet would run as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * One text cell, for every export: formula-leading text gets a leading `'` so it stays text, and is quoted
 * (RFC 4180) like any text holding a quote, comma or line break.
 */
export function textCell(value: string): string {
  if (FORMULA_START.test(value)) return quote(`'${value}`);
  return /[",\r\n]/.test(value) ? quote(value) : value;
}

/** A figure the export computed (never user text): written as is, so a negative number stays a number. */
const figure = (value: number | string) => String(value);

const percent = (f: Pick<Figures, 'sessions' | 'noShows'>) => `${(noShowRate(f) * 100).toFixed(1)}%`;

const line = (name: string, town: string, f: Figures) =>
  [
    textCell(name),
    textCell(town),
    ...[f.posts, f.sessions, hoursOf(f.minutes), f.peopleServed, f.noShows, percent(f)].map(figure),
  ].join(',');

/** One row per brigade (as ranked), then a 合计 row. */
export function brigadeCsv(rows: OverviewResponse['byBrigade']): string {
  const total = rows.reduce((sum, r) => addFigures(sum, r as unknown as Record<string, unknown>), emptyFigures());
  const lines = [
    CSV_HEADER.map(textCell).join(','),
    ...rows.map((r) => line(r.name, r.town, r)),
    line('合计', '', total),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** `博爱义工统计_2026-01_2026-11.csv`. */
export const exportFileName = (first: string, last: string) => `博爱义工统计_${first}_${last}.csv`;

export const NEEDS_CSV_HEADER = [
  '镇区',
  '服务对象（在册）',
  '调查户数',
  '服务计划（进行中）',
  '服务计划（已结案）',
  '已落实服务',
  '待落实服务',
  '调查至首次结对（中位天数）',
  '结对义工探访占比',
];

const needsLine = (town: string, f: NeedsFigures) =>
  [
    textCell(town),
    ...[f.recipients, f.surveyed, f.plansOpen, f.plansClosed, f.servicesCovered, f.servicesOpen].map(figure),
    figure(f.medianDaysToFirstVisit ?? ''),
    f.continuity === undefined ? '' : `${(f.continuity * 100).toFixed(1)}%`,
  ].join(',');

/** The 供需配对 table, after a blank line: one row per town, then a 合计 row (the city, or the one town). */
export function needsCsv(needs: OverviewResponse['needs']): string {
  const lines = [
    '',
    textCell('供需配对'),
    NEEDS_CSV_HEADER.map(textCell).join(','),
    ...needs.byTown.map((t) => needsLine(t.town, t)),
    needsLine('合计', needs),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

export const TRAINING_CSV_HEADER = [
  '名称',
  '义工人数',
  '受训义工',
  '受训义工占比',
  '持证义工',
  '持证义工占比',
  '培训场次',
  '培训时长（小时）',
];

const share = (n: number) => `${(n * 100).toFixed(1)}%`;

const trainingLine = (name: string, f: TrainingFigures) =>
  [
    textCell(name),
    ...[f.volunteers, f.trainedVolunteers, share(f.trainedShare), f.qualifiedVolunteers, share(f.qualifiedShare)].map(
      figure,
    ),
    ...[f.trainings, hoursOf(f.trainingMinutes)].map(figure),
  ].join(',');

/**
 * The 培训与资格 tables, after a blank line: by town (volunteers registered there) with a 合计 row, then by brigade
 * (its active members). Trainings and hours are of the period; trained and qualified volunteers are people now.
 */
export function trainingCsv(
  training: OverviewResponse['training'],
  brigades: (TrainingFigures & { name: string })[],
): string {
  const lines = [
    '',
    textCell('培训与资格（按镇区）'),
    TRAINING_CSV_HEADER.map(textCell).join(','),
    ...training.byTown.map((t) => trainingLine(t.town, t)),
    trainingLine('合计', training),
    '',
    textCell('培训与资格（按大队）'),
    TRAINING_CSV_HEADER.map(textCell).join(','),
    ...brigades.map((b) => trainingLine(b.name, b)),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
