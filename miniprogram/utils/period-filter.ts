/**
 * The period filter of the statistics pages (hq dashboard, a brigade's figures): the chips and the custom month
 * range, each change reloading the figures. Spread into the page: `Page({ ...periodFilter, … })`.
 */
import type { PeriodKey } from './stats-view';

interface PeriodPage {
  data: { period: PeriodKey };
  setData(data: Record<string, unknown>): void;
  load(): Promise<void>;
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
