import { AGREE_BUTTON_ID, answer, exposed, subscribe } from '../../utils/privacy';

/**
 * <privacy-popup />: put it on every page that uses a privacy API or component (phone number, location,
 * subscribe messages, chooseMedia …). It opens itself when WeChat asks for consent.
 */
Component({
  data: {
    show: false,
    agreeButtonId: AGREE_BUTTON_ID,
  },
  lifetimes: {
    attached() {
      const self = this as unknown as { unsubscribe?: () => void };
      self.unsubscribe = subscribe(() => {
        this.setData({ show: true });
        exposed();
      });
    },
    detached() {
      const self = this as unknown as { unsubscribe?: () => void };
      self.unsubscribe?.();
    },
  },
  methods: {
    onOpenContract() {
      wx.openPrivacyContract({});
    },
    onAgree() {
      this.setData({ show: false });
      answer(true);
      this.triggerEvent('agree');
    },
    onDisagree() {
      this.setData({ show: false });
      answer(false);
      this.triggerEvent('disagree');
    },
  },
});
