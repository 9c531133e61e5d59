// The QR code a volunteer scans: the symbol is a valid level-M encoding of the text (the reference `qrcode`
// package draws the same modules with one of its eight masks), drawn as an SVG image.
import QRCode from 'qrcode';
import { renderComponent } from '../../../test/helpers/page';
import { encodeQr } from './symbol';
import { base64Ascii, qrSvg } from './svg';

/** The reference symbol of `text` in byte mode (UTF-8) at level M with the given mask, dark = true. */
function reference(text: string, maskPattern: number): boolean[][] {
  const segments = [{ data: text, mode: 'byte' }] as unknown as QRCode.QRCodeSegment[];
  const qr = QRCode.create(segments, {
    errorCorrectionLevel: 'M',
    maskPattern: maskPattern as QRCode.QRCodeMaskPattern,
  });
  const size = qr.modules.size;
  return Array.from({ length: size }, (_, y) => Array.from({ length: size }, (_, x) => qr.modules.get(y, x) === 1));
}

/** The masks (0–7) with which the reference draws exactly `modules`. */
const masksMatching = (text: string, modules: boolean[][]) =>
  [0, 1, 2, 3, 4, 5, 6, 7].filter((mask) => JSON.stringify(reference(text, mask)) === JSON.stringify(modules));

describe('qr-code', () => {
  const token =
    'eyJ2IjoiYWJjZGVmMDEyMzQ1Njc4OSIsIm4iOiJaU0JBLTIwMjYtMDAwMDAxIn0.q1w2e3r4t5y6u7i8o9p0-AbCdEfGhIjKlMnOpQr';
  // A check-in code, a card number, a card token, Chinese text (UTF-8), a long text (alignment and version info).
  const samples = ['482913', 'ZSBA-2026-000001', token, '博爱义工 中山', token.repeat(3)];

  it.each(samples)('encodes sample %# as the reference does, in the smallest version', (text) => {
    const symbol = encodeQr(text);
    expect(symbol.modules).toHaveLength(symbol.size);
    expect(symbol.size).toBe(reference(text, 0).length);
    expect(masksMatching(text, symbol.modules)).toHaveLength(1);
  });

  it('draws an SVG with a quiet zone and encodes it as base64', () => {
    const symbol = encodeQr('ZSBA-2026-000001');
    const svg = qrSvg(symbol);
    expect(svg).toContain(`viewBox="0 0 ${symbol.size + 8} ${symbol.size + 8}"`);
    expect(base64Ascii(svg)).toBe(Buffer.from(svg, 'ascii').toString('base64'));
    expect(base64Ascii('ab')).toBe('YWI=');
  });

  it('renders an image of the text, and nothing while the text is empty', () => {
    const qr = renderComponent('components/qr-code/index', { text: '' });
    expect(qr.querySelector('.qr__image')).toBeFalsy();
    qr.setData({ text: 'ZSBA-2026-000001' });
    expect(qr.querySelector('.qr__image')).toBeTruthy();
    const src = String(qr.data.src); // j-component drops built-in attributes from the DOM: read the bound value
    expect(src.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(src.split(',')[1], 'base64').toString('ascii')).toContain('<path d="M4 4h1v1h-1z');
    qr.detach();
  });
});
