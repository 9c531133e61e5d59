import { randomBytes } from 'node:crypto';
import { cardCounterId, formatCardNo, isMinor } from '../../server/rules/card';
import { decrypt, deriveKey, encrypt, parseKey } from '../../server/rules/pii';
import { maskMobile } from '../../typings/display';
import { sign, verify } from '../../server/rules/token';
import { shanghaiDate, shanghaiMonth, shanghaiYear } from '../../server/rules/time';
import { CARD_NO_PATTERN } from '../../typings/data';

const key = randomBytes(32);

describe('personal data', () => {
  it('encrypts mobiles so that the stored form reveals nothing and decrypts back', () => {
    const stored = encrypt('13800138000', key);
    expect(stored).not.toContain('13800138000');
    expect(encrypt('13800138000', key)).not.toBe(stored); // random IV
    expect(decrypt(stored, key)).toBe('13800138000');
  });

  it('refuses a tampered ciphertext or the wrong key', () => {
    const stored = encrypt('13800138000', key);
    const parts = stored.split(':');
    const data = Buffer.from(parts[3], 'base64');
    data[0] ^= 1;
    expect(() => decrypt([...parts.slice(0, 3), data.toString('base64')].join(':'), key)).toThrow();
    expect(() => decrypt(stored, randomBytes(32))).toThrow();
  });

  it('masks mobiles as 138****8000', () => {
    expect(maskMobile('13800138000')).toBe('138****8000');
  });

  it('accepts 32-byte keys in hex or base64 only', () => {
    expect(parseKey(key.toString('hex'))?.equals(key)).toBe(true);
    expect(parseKey(key.toString('base64'))?.equals(key)).toBe(true);
    expect(parseKey('short')).toBeUndefined();
    expect(parseKey(undefined)).toBeUndefined();
  });
});

describe('signed tokens', () => {
  const cardKey = deriveKey(key, 'card');

  it('verifies what was signed and refuses an edited or forged token', () => {
    const token = sign({ v: 'vol-1', n: 'ZSBA-2026-000001' }, cardKey);
    expect(verify(token, cardKey)).toEqual({ v: 'vol-1', n: 'ZSBA-2026-000001' });
    const [, mac] = token.split('.');
    const edited = `${Buffer.from(JSON.stringify({ v: 'vol-2', n: 'ZSBA-2026-000001' })).toString('base64url')}.${mac}`;
    expect(verify(edited, cardKey)).toBeUndefined();
    expect(verify(token, deriveKey(key, 'proof'))).toBeUndefined();
    expect(verify('garbage', cardKey)).toBeUndefined();
    expect(verify(`${token}.x`, cardKey)).toBeUndefined();
  });
});

describe('strict token decoding', () => {
  const cardKey = deriveKey(key, 'card');
  const token = sign({ v: 'vol-1', n: 'ZSBA-2026-000001' }, cardKey);
  const [body, mac] = token.split('.');

  it.each([
    ['padding after the MAC', `${token}==`],
    ['padding after the body', `${body}==.${mac}`],
    ['a "!" appended', `${token}!`],
    ['a "!" inside the body', `${body.slice(0, 4)}!${body.slice(4)}.${mac}`],
    ['trailing whitespace', `${token} `],
    ['a newline inside', `${body}\n.${mac}`],
    ['standard base64 characters', `${body}.${mac.replace(/-/g, '+').replace(/_/g, '/')}+`],
  ])('refuses %s', (_what, edited) => {
    expect(verify(edited, cardKey)).toBeUndefined();
  });

  it('refuses any flipped character of the MAC or the body', () => {
    for (let i = 0; i < token.length; i += 1) {
      if (token[i] === '.') continue;
      const flipped = token[i] === 'A' ? 'B' : 'A';
      expect(verify(`${token.slice(0, i)}${flipped}${token.slice(i + 1)}`, cardKey)).toBeUndefined();
    }
  });

  it('refuses a last character whose unused bits are set (the same bytes, spelt differently)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet[alphabet.indexOf(mac[mac.length - 1]) ^ 1];
    expect(verify(`${body}.${mac.slice(0, -1)}${last}`, cardKey)).toBeUndefined();
  });

  it('still verifies the token as issued', () => {
    expect(verify(token, cardKey)).toEqual({ v: 'vol-1', n: 'ZSBA-2026-000001' });
  });
});

describe('card numbers', () => {
  it('formats ZSBA-YYYY-NNNNNN', () => {
    expect(formatCardNo(2026, 1)).toBe('ZSBA-2026-000001');
    expect(formatCardNo(2026, 123456)).toMatch(CARD_NO_PATTERN);
    expect(() => formatCardNo(2026, 0)).toThrow(RangeError);
    expect(() => formatCardNo(2026, 1000000)).toThrow(RangeError);
    expect(cardCounterId(2026)).toBe('card-2026');
  });

  it('treats under-18s by birth year as minors', () => {
    expect(isMinor(2009, 2026)).toBe(true);
    expect(isMinor(2008, 2026)).toBe(false);
  });
});

describe('Asia/Shanghai calendar', () => {
  it('puts 2026-12-31T16:30Z in 2027 in Shanghai', () => {
    const ms = Date.UTC(2026, 11, 31, 16, 30);
    expect(shanghaiYear(ms)).toBe(2027);
    expect(shanghaiMonth(ms)).toBe('2027-01');
    expect(shanghaiDate(ms)).toBe('2027-01-01');
  });
});
