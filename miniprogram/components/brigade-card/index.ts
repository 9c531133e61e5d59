/** <brigade-card card="{{ view }}" bind:open />: one brigade in a list (see view.ts for the view). */
Component({
  properties: {
    card: { type: Object, value: {} },
  },
  methods: {
    onTap() {
      this.triggerEvent('open', { brigadeId: (this.data.card as { brigadeId?: string }).brigadeId });
    },
  },
});
