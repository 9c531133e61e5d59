// Signed tokens (the 义工证 and 服务证明 QR codes) refuse anything but an object signed with the key, without
// throwing; card numbers run to ZSBA-YYYY-999999 and no further.
import { createHmac } from 'node:crypto';
import { formatCardNo } from '../../server/rules/card';
import { sign, verify } from '../../server/rules/token';

const key = Buffer.alloc(32, 3);
const signedBody = (json: string) => {
  const body = Buffer.from(json, 'utf8').toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
};

describe('verify', () => {
  it('reads back a payload with Chinese text', () => {
    expect(verify(sign({ n: '李星', v: 'vol-1' }, key), key)).toEqual({ n: '李星', v: 'vol-1' });
  });

  it('refuses a short or missing signature without throwing', () => {
    const [body, mac] = sign({ v: 'vol-1' }, key).split('.');
    expect(verify(`${body}.${mac.slice(0, 10)}`, key)).toBeUndefined();
    expect(verify(`${body}.`, key)).toBeUndefined();
    expect(verify(`.${mac}`, key)).toBeUndefined();
  });

  it('refuses a correctly signed payload that is not an object', () => {
    for (const json of ['null', '42', '"text"', 'true']) expect(verify(signedBody(json), key)).toBeUndefined();
    expect(verify(signedBody('{not json'), key)).toBeUndefined();
    expect(verify(signedBody('{"v":"x"}'), key)).toEqual({ v: 'x' });
  });
});

describe('formatCardNo', () => {
  it('issues the last number of a year and refuses the one after, naming it', () => {
    expect(formatCardNo(2026, 999999)).toBe('ZSBA-2026-999999');
    expect(formatCardNo(2026, 1)).toBe('ZSBA-2026-000001');
    expect(() => formatCardNo(2026, 1_000_000)).toThrow('card sequence out of range: 1000000');
    expect(() => formatCardNo(2026, 0)).toThrow('card sequence out of range: 0');
  });
});
