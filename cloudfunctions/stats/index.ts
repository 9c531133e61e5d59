/** Cloud function `stats`: parse → authorize → route; the nightly timer reconciles the counters. */
import { defineFunction } from '../../server/handler';
import { brigade } from '../../server/stats/brigade';
import { exportCsv } from '../../server/stats/export';
import { overview } from '../../server/stats/overview';
import { reconcile, reconcileAction } from '../../server/stats/reconcile';

export const main = defineFunction('stats', {
  actions: { overview, brigade, export: exportCsv, reconcile: reconcileAction },
  timer: (ctx) => reconcile(ctx),
});
