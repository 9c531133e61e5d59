/**
 * <contact-cell contact>: whom to contact about a brigade or post, inside a van-cell-group. The name and masked
 * number for everyone; a 拨打 button when the full number came back (signed up, members, leaders, hq).
 */
import type { Contact } from '../../typings/index';

Component({
  properties: {
    contact: { type: Object, optionalTypes: [null], value: null },
  },
  methods: {
    onCall() {
      const contact = this.data.contact as Contact | null;
      if (contact?.mobile) wx.makePhoneCall({ phoneNumber: contact.mobile });
    },
  },
});
