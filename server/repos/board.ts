/**
 * Data access for the `board` collection: the public board's counters, one document per town (`_id` = the town),
 * moved only with `_.inc` by the writes that change the facts (wishes here, pledges by the giving side).
 */
import { _, db, isDuplicateKey, rows } from '../cloud';
import type { Town } from '../../typings/data';

export const BOARD_FIGURES = ['asked', 'claimed', 'fulfilled', 'pledged', 'handed'] as const;
export type BoardFigure = (typeof BOARD_FIGURES)[number];
export type BoardDelta = Partial<Record<BoardFigure, number>>;

export interface BoardDoc extends Partial<Record<BoardFigure, number>> {
  _id: string;
  town: Town;
  updatedAt: number;
}

const board = () => db.collection('board');

/** Moves one town's counters with one `_.inc` update, creating its document the first time. */
export async function inc(town: Town, delta: BoardDelta, now: number): Promise<void> {
  const moves = Object.entries(delta).filter(([, n]) => n);
  if (moves.length === 0) return;
  const data: Record<string, unknown> = { updatedAt: now };
  for (const [figure, n] of moves) data[figure] = _.inc(n as number);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const res = (await board().doc(town).update({ data })) as { stats?: { updated?: number } };
    if ((res.stats?.updated ?? 0) > 0) return;
    try {
      await board().add({ data: { _id: town, town, updatedAt: now, ...Object.fromEntries(moves) } });
      return;
    } catch (error) {
      // Someone created it first: apply the increment to theirs.
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new Error(`board: could not move the counters of ${town}`);
}

/** Every town's counters (at most one document per town: one read). */
export function all(): Promise<BoardDoc[]> {
  return rows<BoardDoc>(board().where({}).limit(100));
}
