/** Pure: the needs counter document as the 供需配对 figures of the city (with each town) or of one town. */
import type { OverviewResponse } from '../../typings/api/stats';
import { mergeSlices, needsFiguresOf, type TownSlice } from '../rules/needs-stats';
import { key } from '../rules/stats';
import type { NeedsDoc } from '../repos/stats';

export function summarizeNeeds(
  doc: NeedsDoc | undefined,
  town: string | undefined,
  from?: string,
  to?: string,
): OverviewResponse['needs'] {
  const slices = Object.entries((doc?.byTown ?? {}) as Record<string, TownSlice>);
  const shown = town ? slices.filter(([name]) => name === key(town)) : slices;
  const byTown = shown
    .map(([name, slice]) => ({ town: name, ...needsFiguresOf(slice, from, to) }))
    .filter((t) => t.recipients + t.surveyed + t.plansOpen + t.plansClosed > 0)
    .sort((a, b) => b.recipients - a.recipients || b.surveyed - a.surveyed || (a.town < b.town ? -1 : 1));
  return { ...needsFiguresOf(mergeSlices(shown.map(([, s]) => s)), from, to), byTown };
}
