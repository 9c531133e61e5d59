import { encodeQr } from './encoder';
import { qrDataUri } from './svg';

/**
 * <qr-code text="…" size="480" />: a QR code of `text` drawn by the bundled encoder, as an image (size in rpx).
 * Level M keeps it readable on a phone screen held up to another phone's camera.
 */
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
      this.setData({ src: text ? qrDataUri(encodeQr(text, 'M')) : '' });
    },
  },
});
