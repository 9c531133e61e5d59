/**
 * <page-state loading error empty empty-text bind:retry>…content…</page-state>: the loading, error and empty
 * states every list and detail page needs, in one place. The content slot shows once none of them applies.
 */
Component({
  options: { multipleSlots: true },
  properties: {
    loading: { type: Boolean, value: false },
    error: { type: String, value: '' },
    empty: { type: Boolean, value: false },
    emptyText: { type: String, value: '暂无内容' },
    emptyImage: { type: String, value: 'default' },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
  },
});
