import { installPrivacyHandler } from './utils/privacy';

App({
  onLaunch() {
    installPrivacyHandler();
  },
});
