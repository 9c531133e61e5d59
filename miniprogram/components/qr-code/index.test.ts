// The bundled QR encoder must produce exactly what the reference `qrcode` package produces.
import QRCode from 'qrcode';
import { renderComponent } from '../../../test/helpers/page';
import { encodeQr } from './encoder';
import { base64Ascii, qrSvg } from './svg';

function reference(text: string, ecl: 'L' | 'M' | 'Q' | 'H', maskPattern?: number) {
  const segments = [{ data: text, mode: 'byte' }] as unknown as QRCode.QRCodeSegment[];
  const qr = QRCode.create(segments, {
    errorCorrectionLevel: ecl,
    ...(maskPattern === undefined ? {} : { maskPattern: maskPattern as QRCode.QRCodeMaskPattern }),
  });
  const size = qr.modules.size;
  const rows: boolean[][] = [];
  for (let y = 0; y < size; y++) rows.push(Array.from({ length: size }, (_, x) => qr.modules.get(y, x) === 1));
  return { version: qr.version, mask: qr.maskPattern, rows };
}

describe('qr-code encoder', () => {
  const token =
    'eyJ2IjoiYWJjZGVmMDEyMzQ1Njc4OSIsIm4iOiJaU0JBLTIwMjYtMDAwMDAxIn0.q1w2e3r4t5y6u7i8o9p0-AbCdEfGhIjKlMnOpQr';
  const samples = ['ZSBA-2026-000001', token, '博爱义工 中山', token.repeat(3)];

  it.each(samples)('matches the qrcode package symbol for %#, with its own mask choice', (text) => {
    const ref = reference(text, 'M');
    const mine = encodeQr(text, 'M');
    expect(mine.version).toBe(ref.version);
    expect(mine.mask).toBe(ref.mask);
    expect(mine.modules).toEqual(ref.rows);
  });

  it('matches for every mask and every error-correction level, versions with alignment and version info', () => {
    for (const ecl of ['L', 'M', 'Q', 'H'] as const) {
      for (let mask = 0; mask < 8; mask++) {
        const text = token.repeat(1 + (mask % 3));
        expect(encodeQr(text, ecl, mask).modules).toEqual(reference(text, ecl, mask).rows);
      }
    }
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
