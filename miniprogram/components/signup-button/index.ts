import type { SignupButtonView } from './state';

/**
 * <signup-button view="{{ signupView }}" loading="{{ busy }}" bind:signup bind:withdraw />: the post page's main
 * button (报名 / 已满（可候补）) or the state it is in (已报名 / 候补第N位 / 已截止 / 已取消), and withdraw beside it.
 */
Component({
  properties: {
    view: { type: Object, value: {} as SignupButtonView },
    loading: { type: Boolean, value: false },
  },
  methods: {
    onMain() {
      const view = this.data.view as SignupButtonView;
      if (view.action === 'signup' && !this.data.loading) this.triggerEvent('signup');
    },
    onWithdraw() {
      if (!this.data.loading) this.triggerEvent('withdraw');
    },
  },
});
