/** Cloud function `stars`: star levels (with the daily recompute timer) and honours. */
import { defineFunction } from '../../server/handler';
import { get } from '../../server/stars/get';
import { award, list } from '../../server/stars/honours';
import { recompute, recomputeAll } from '../../server/stars/recompute';

export const main = defineFunction('stars', {
  actions: { get, recompute, award, honours: list },
  timer: (ctx) => recomputeAll(ctx),
});
