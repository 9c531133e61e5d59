/**
 * <needs-card needs="{{ overview.needs }}" towns>: the 供需配对 figures of the hq dashboard and the coordinator
 * workbench — recipients by category, households surveyed, plans, services covered and open, days to the first
 * pair and continuity; with `towns`, one line per town.
 */
import type { OverviewResponse } from '../../typings/index';
import { continuityText, toNeedsCard } from './view';

const isNeeds = (n: Partial<OverviewResponse['needs']>): n is OverviewResponse['needs'] =>
  typeof n.recipients === 'number' && Array.isArray(n.byTown);

Component({
  properties: {
    needs: { type: Object, value: {} },
    towns: { type: Boolean, value: false },
  },
  data: {
    view: { figures: [], firstVisit: '', categories: '', towns: [] } as ReturnType<typeof toNeedsCard>,
    continuity: '',
  },
  observers: {
    needs(needs: Partial<OverviewResponse['needs']>) {
      if (!isNeeds(needs)) return;
      this.setData({ view: toNeedsCard(needs), continuity: continuityText(needs) });
    },
  },
});
