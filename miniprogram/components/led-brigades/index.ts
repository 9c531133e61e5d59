import type { MeResponse } from '../../typings/index';
import { volunteers } from '../../services/index';
import { loadRecord, recordPage } from '../../utils/record';

interface LedBrigade {
  brigadeId: string;
  name: string;
}

const ledBrigades = (me: MeResponse): LedBrigade[] =>
  (me.brigades ?? [])
    .filter((b) => b.leader && b.status === 'active')
    .map((b) => ({ brigadeId: b.brigadeId, name: b.name }));

/**
 * <led-brigades brigade-id="{{ brigadeId }}" bind:change="onBrigade" />: the brigades the caller leads, with a
 * switcher when there are several. Emits `change` with `{ brigadeId, name }` once loaded (the given
 * `brigade-id` when the caller leads it, else the first) and on every switch; shows its own empty state when
 * the caller leads none.
 */
Component({
  properties: {
    brigadeId: { type: String, value: '' },
  },
  data: {
    loading: true,
    error: '',
    items: [] as LedBrigade[],
    choices: [] as { text: string; value: string }[],
    current: '',
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    ...recordPage,
    async load() {
      const me = await loadRecord(
        this,
        () => volunteers.me({}, { toast: false }),
        (me) => {
          const items = ledBrigades(me);
          const wanted = items.find((b) => b.brigadeId === this.data.brigadeId) ?? items[0];
          return {
            items,
            choices: items.map((b) => ({ text: b.name, value: b.brigadeId })),
            current: wanted?.brigadeId ?? '',
          };
        },
      );
      if (!me) return;
      const wanted = this.data.items.find((b) => b.brigadeId === this.data.current);
      if (wanted) this.triggerEvent('change', wanted);
      else this.triggerEvent('none');
    },
    onSwitch(event: { detail: string }) {
      const chosen = this.data.items.find((b) => b.brigadeId === event.detail);
      if (!chosen) return;
      this.setData({ current: chosen.brigadeId });
      this.triggerEvent('change', chosen);
    },
  },
});
