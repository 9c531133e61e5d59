/**
 * resources: board — the public board (公益榜), open to visitors: what was asked, claimed and fulfilled by town (and
 * goods pledged and handed over), from the `board` counters the writes keep; donors thanked by name with consent.
 */
import type { Town } from '../../typings/data';
import { TOWNS } from '../../typings/data';
import type { BoardResponse } from '../../typings/resources';
import type { Action } from '../handler';
import * as board from '../repos/board';
import { none } from '../schema';
import { donorThanks } from './wish-claimer';

const THANKS_MAX = 20;

export const board_: Action<Record<string, never>, BoardResponse> = {
  access: 'anyone',
  input: none,
  async run() {
    const [docs, thanks] = await Promise.all([board.all(), donorThanks(THANKS_MAX)]);
    const total = { asked: 0, claimed: 0, fulfilled: 0, pledged: 0, handed: 0 };
    for (const doc of docs) for (const k of board.BOARD_FIGURES) total[k] += doc[k] ?? 0;
    const order = new Map<string, number>(TOWNS.map((t, i) => [t, i]));
    const byTown = docs
      .filter((d) => (d.asked ?? 0) + (d.claimed ?? 0) + (d.fulfilled ?? 0) > 0)
      .map((d) => ({ town: d.town as Town, asked: d.asked ?? 0, claimed: d.claimed ?? 0, fulfilled: d.fulfilled ?? 0 }))
      .sort((a, b) => b.asked - a.asked || (order.get(a.town) ?? 99) - (order.get(b.town) ?? 99));
    return { total, byTown, thanks };
  },
};

export { board_ as board };
