import { encodeQr } from './symbol';
import { qrDataUri } from './svg';

/** <qr-code text="…" size="480" />: a QR code of `text` as an image (size in rpx). */
Component({
  properties: {
    text: { type: String, value: '' },
    size: { type: Number, value: 480 },
  },
  data: {
    src: '',
  },
  observers: {
    text(text: string) {
      this.setData({ src: text ? qrDataUri(encodeQr(text)) : '' });
    },
  },
});
