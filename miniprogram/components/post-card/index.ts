import type { PostCardView } from './view';

/** <post-card card="{{ view }}" />: one recruitment post in a list; a tap opens the post page. */
Component({
  options: { addGlobalClass: true },
  properties: {
    card: { type: Object, value: {} as PostCardView },
  },
  methods: {
    onTap() {
      const card = this.data.card as PostCardView;
      if (!card.postId) return;
      this.triggerEvent('open', { postId: card.postId });
      wx.navigateTo({ url: `/pages/post/index?postId=${encodeURIComponent(card.postId)}` });
    },
  },
});
