/**
 * 招募来源 figures for the dashboards and the CSV: the month documents' flat source counters (`signupsChat` …
 * `joinsFeed`, see rules/stats.ts) summed over the period, for the city, one town or one brigade.
 */
import type { SourceFigures } from '../../typings/api/stats';
import type { CounterMap, MonthDoc } from '../repos/stats';
import { SHARE_SOURCES, sourceFigure, type SourceWhat } from '../rules/stats';
import { textCell } from './csv';

export const SOURCE_LABELS: Record<(typeof SHARE_SOURCES)[number], string> = {
  chat: '聊天分享',
  moments: '朋友圈',
  poster: '海报扫码',
  feed: '小程序内',
};

/** The period's sources from each document's slice (`total`, a town's or a brigade's counters). */
export function summarizeSources(docs: MonthDoc[], pick: (doc: MonthDoc) => CounterMap | undefined): SourceFigures {
  const of = (what: SourceWhat) => {
    const out = { chat: 0, moments: 0, poster: 0, feed: 0 };
    for (const doc of docs) {
      const slice = pick(doc);
      for (const source of SHARE_SOURCES) out[source] += slice?.[sourceFigure(what, source)] ?? 0;
    }
    return out;
  };
  return { signups: of('signups'), joins: of('joins') };
}

/** The 招募来源 table, after a blank line: one row per source with sign-ups and joins, then a 合计 row. */
export function sourcesCsv(sources: SourceFigures): string {
  const sum = (o: Record<string, number>) => Object.values(o).reduce((n, v) => n + v, 0);
  const lines = [
    '',
    textCell('招募来源'),
    ['来源', '报名', '入队'].map(textCell).join(','),
    ...SHARE_SOURCES.map((s) =>
      [textCell(SOURCE_LABELS[s]), String(sources.signups[s]), String(sources.joins[s])].join(','),
    ),
    [textCell('合计'), String(sum(sources.signups)), String(sum(sources.joins))].join(','),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
