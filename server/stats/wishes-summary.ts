/**
 * 微心愿 figures for the dashboard and the CSV: the public board's per-town counters (one read of at most one
 * document per town), all time — wishes are not tied to a month.
 */
import type { WishFigures } from '../../typings/api/stats';
import * as board from '../repos/board';
import { textCell } from './csv';

export type WishesSummary = WishFigures & { byTown: (WishFigures & { town: string })[] };

/** Each town with a wish on the wall (or only `town`), most asked first, and their sum. */
export async function summarizeWishes(town?: string): Promise<WishesSummary> {
  const docs = (await board.all()).filter((d) => !town || d.town === town);
  const byTown = docs
    .map((d) => ({ town: d.town as string, asked: d.asked ?? 0, claimed: d.claimed ?? 0, fulfilled: d.fulfilled ?? 0 }))
    .filter((t) => t.asked > 0)
    .sort((a, b) => b.asked - a.asked || a.town.localeCompare(b.town));
  const sum = (k: keyof WishFigures) => byTown.reduce((n, t) => n + t[k], 0);
  return { asked: sum('asked'), claimed: sum('claimed'), fulfilled: sum('fulfilled'), byTown };
}

const wishLine = (town: string, f: WishFigures) =>
  [textCell(town), String(f.asked), String(f.claimed), String(f.fulfilled)].join(',');

/** The 微心愿 table, after a blank line: one row per town, then a 合计 row. */
export function wishesCsv(wishes: WishesSummary): string {
  const lines = [
    '',
    textCell('微心愿（累计）'),
    ['镇区', '上墙心愿', '已认领', '已圆梦'].map(textCell).join(','),
    ...wishes.byTown.map((t) => wishLine(t.town, t)),
    wishLine('合计', wishes),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
