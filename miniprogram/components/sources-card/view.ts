/** The 招募来源 card's rows: each source with its sign-ups and joins and a bar of its share of both. */
import type { ShareSource, SourceFigures } from '../../typings/index';

const ORDER: { source: ShareSource; label: string }[] = [
  { source: 'poster', label: '海报扫码' },
  { source: 'moments', label: '朋友圈' },
  { source: 'chat', label: '聊天分享' },
  { source: 'feed', label: '小程序内' },
];

export interface SourceRow {
  source: ShareSource;
  label: string;
  signups: number;
  joins: number;
  /** Share of all sign-ups and joins, 0–100 (the bar's width). */
  percent: number;
}

export function toSourceRows(figures: SourceFigures): { rows: SourceRow[]; total: number } {
  const total = ORDER.reduce((n, { source }) => n + figures.signups[source] + figures.joins[source], 0);
  const rows = ORDER.map(({ source, label }) => {
    const both = figures.signups[source] + figures.joins[source];
    return {
      source,
      label,
      signups: figures.signups[source],
      joins: figures.joins[source],
      percent: total ? Math.round((both / total) * 100) : 0,
    };
  });
  return { rows, total };
}
