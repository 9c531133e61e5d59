/**
 * The period filter of the statistics pages (hq dashboard, a brigade's figures): the chips and the custom month
 * range, each change reloading the figures. Spread into the page: `Page({ ...periodFilter, … })`.
 */
import { messageOf } from '../services/errors';
import { loadRecord } from './record';
import type { PeriodKey } from './stats-view';

interface PeriodPage {
  data: { period: PeriodKey };
  setData(data: Record<string, unknown>): void;
  load(): Promise<unknown>;
}

export const periodFilter = {
  onPeriod(this: PeriodPage, event: { currentTarget: { dataset: { value: PeriodKey } } }) {
    const period = event.currentTarget.dataset.value;
    if (period === this.data.period) return;
    this.setData({ period });
    void this.load();
  },

  onCustomFrom(this: PeriodPage, event: { detail: { value: string } }) {
    this.setData({ customFrom: event.detail.value });
    void this.load();
  },

  onCustomTo(this: PeriodPage, event: { detail: { value: string } }) {
    this.setData({ customTo: event.detail.value });
    void this.load();
  },
};

/** Pages whose figures are on screen: a reload keeps them, marked `refreshing`. */
const shown = new WeakSet<object>();

/**
 * Loads the figures for the current filters into `view`: the skeleton the first time, after that the figures shown
 * stay, marked `refreshing`, until the reply. After a failure the next load shows the skeleton again.
 */
export function loadFigures<T>(
  page: { setData(data: Record<string, unknown>): void },
  fetch: () => Promise<T>,
  toView: (reply: T) => unknown,
) {
  const keep = shown.has(page);
  page.setData({ refreshing: keep });
  return loadRecord(
    page,
    fetch,
    (reply) => {
      shown.add(page);
      return { refreshing: false, view: toView(reply) };
    },
    {
      keep,
      failed: (error) => {
        shown.delete(page);
        return { refreshing: false, error: messageOf(error) };
      },
    },
  );
}
