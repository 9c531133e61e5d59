/** A QR symbol as an SVG data URI for `<image>`: one path of dark modules, a 4-module quiet zone. */
import type { QrSymbol } from './symbol';

const QUIET = 4;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string (the SVG is plain ASCII; `btoa` does not exist in the mini program). */
export function base64Ascii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : NaN;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : NaN;
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63];
    out += Number.isNaN(b) ? '=' : BASE64[(n >> 6) & 63];
    out += Number.isNaN(c) ? '=' : BASE64[n & 63];
  }
  return out;
}

export function qrSvg(symbol: QrSymbol, color = '#000'): string {
  const full = symbol.size + QUIET * 2;
  let path = '';
  symbol.modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
    });
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" shape-rendering="crispEdges">` +
    `<rect width="${full}" height="${full}" fill="#fff"/><path d="${path}" fill="${color}"/></svg>`
  );
}

export function qrDataUri(symbol: QrSymbol, color?: string): string {
  return `data:image/svg+xml;base64,${base64Ascii(qrSvg(symbol, color))}`;
}
