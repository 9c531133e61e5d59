import { messageOf, volunteers } from '../../services/index';

interface LedBrigade {
  brigadeId: string;
  name: string;
}

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
    async load() {
      this.setData({ loading: true, error: '' });
      try {
        const me = await volunteers.me({}, { toast: false });
        const items = (me.brigades ?? [])
          .filter((b) => b.leader && b.status === 'active')
          .map((b) => ({ brigadeId: b.brigadeId, name: b.name }));
        const wanted = items.find((b) => b.brigadeId === this.data.brigadeId) ?? items[0];
        this.setData({
          loading: false,
          items,
          choices: items.map((b) => ({ text: b.name, value: b.brigadeId })),
          current: wanted?.brigadeId ?? '',
        });
        if (wanted) this.triggerEvent('change', wanted);
        else this.triggerEvent('none');
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },
    onSwitch(event: { detail: string }) {
      const chosen = this.data.items.find((b) => b.brigadeId === event.detail);
      if (!chosen) return;
      this.setData({ current: chosen.brigadeId });
      this.triggerEvent('change', chosen);
    },
    onRetry() {
      void this.load();
    },
  },
});
