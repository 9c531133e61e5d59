/**
 * <quota-bar confirmed="{{ 3 }}" quota="{{ 10 }}" waitlist="{{ 0 }}" />: how full a post is — a bar, the count,
 * the places left, and the waitlist once there is one.
 */
Component({
  properties: {
    confirmed: { type: Number, value: 0 },
    quota: { type: Number, value: 0 },
    waitlist: { type: Number, value: 0 },
  },
  data: {
    percent: 0,
    full: false,
    left: 0,
  },
  observers: {
    'confirmed, quota'(confirmed: number, quota: number) {
      const full = quota <= 0 || confirmed >= quota;
      this.setData({
        percent: quota > 0 ? Math.min(100, Math.round((confirmed / quota) * 100)) : 100,
        full,
        left: Math.max(0, quota - confirmed),
      });
    },
  },
});
