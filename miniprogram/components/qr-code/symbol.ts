/**
 * The QR symbol of a text, by the `qrcode-generator` package (packed into miniprogram_npm like dayjs): byte mode
 * in UTF-8, the smallest version that holds the text, level M, which stays readable on a phone screen held up to
 * another phone's camera.
 */
import qrcode from 'qrcode-generator';

// The package's default turns each UTF-16 unit into one byte; UTF-8 is what scanners expect.
qrcode.stringToBytes = qrcode.stringToBytesFuncs['UTF-8'];

export interface QrSymbol {
  size: number;
  /** modules[y][x], true = dark. */
  modules: boolean[][];
}

export function encodeQr(text: string): QrSymbol {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const modules = Array.from({ length: size }, (_, y) => Array.from({ length: size }, (_, x) => qr.isDark(y, x)));
  return { size, modules };
}
