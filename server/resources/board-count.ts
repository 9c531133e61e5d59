/**
 * The public board's hook (公益榜): each write that changes what the board counts calls `countBoard` right after,
 * with how the town's figures move. Wishes move asked / claimed / fulfilled (see rules/wishes.ts boardDelta); goods
 * pledges move pledged (+1 when offered, −1 when withdrawn) and handed (+1 when handed over). It never throws: the
 * action has already happened, so a failed count is logged instead.
 */
import type { Town } from '../../typings/data';
import type { Logger } from '../log';
import * as board from '../repos/board';

export type { BoardDelta } from '../repos/board';

export async function countBoard(ctx: { log: Logger }, town: Town, delta: board.BoardDelta): Promise<void> {
  try {
    await board.inc(town, delta, Date.now());
  } catch (error) {
    ctx.log.error('board-count-failed', { town, delta, message: (error as Error)?.message });
  }
}
