// In the cloud, a missing or malformed PII_KEY makes registration refuse to run rather than store numbers unencrypted.
import { createCipheriv, randomBytes } from 'node:crypto';
import { resolveSettings } from '../../local-cloud/settings';
import type { RequestContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { piiKey } from '../../server/pii';
import { decrypt, encrypt, keyId, parseKeyring } from '../../server/rules/pii';

const contextWith = (key: string | undefined, logged: string[] = []) =>
  ({
    settings: { piiKey: key, hqOpenids: [], reminderLeadMinutes: 120 },
    log: { info: () => undefined, error: (event: string) => logged.push(event) },
  }) as unknown as RequestContext;

describe('the PII key', () => {
  it.each([undefined, '', 'too-short', 'x'.repeat(64)])('refuses to work without a valid key (%p)', (key) => {
    const logged: string[] = [];
    let thrown: unknown;
    try {
      piiKey(contextWith(key, logged));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: '系统尚未配置个人信息加密，暂不能登记，请联系总队',
    });
    expect(logged).toEqual(['pii-key-missing']);
  });

  it('accepts a 32-byte key in hex', () => {
    expect(piiKey(contextWith('ab'.repeat(32))).current.length).toBe(32);
  });
});

describe('key rotation', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const ringOf = (raw: string) => {
    const ring = parseKeyring(raw);
    if (!ring) throw new Error(`not a keyring: ${raw}`);
    return ring;
  };

  /** What encrypt wrote before key ids existed: `v1:<iv>:<tag>:<ciphertext>`. */
  function legacyEncrypt(plain: string, key: Buffer): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
  }

  it('marks each ciphertext with the id of its key, never the key', () => {
    const stored = encrypt('13800138000', ringOf(oldKey.toString('hex')));
    expect(stored.split(':')[1]).toBe(keyId(oldKey));
    expect(stored).not.toContain(oldKey.toString('hex').slice(0, 8));
  });

  it('decrypts what an older key wrote once PII_KEY lists it after the new one', () => {
    const before = encrypt('13800138000', ringOf(oldKey.toString('base64')));
    const legacy = legacyEncrypt('13900139000', oldKey);
    const rotated = ringOf(`${newKey.toString('hex')}, ${oldKey.toString('base64')}`);
    expect(decrypt(before, rotated)).toBe('13800138000');
    expect(decrypt(legacy, rotated)).toBe('13900139000');
    const after = encrypt('13700137000', rotated);
    expect(after.split(':')[1]).toBe(keyId(newKey));
    expect(decrypt(after, ringOf(newKey.toString('hex')))).toBe('13700137000');
  });

  it('fails plainly when no listed key wrote the ciphertext', () => {
    const stored = encrypt('13800138000', ringOf(oldKey.toString('hex')));
    expect(() => decrypt(stored, ringOf(newKey.toString('hex')))).toThrow(/key/);
    expect(() => decrypt(legacyEncrypt('1', oldKey), ringOf(newKey.toString('hex')))).toThrow();
  });

  it('refuses a setting where any listed key is not a 32-byte key', () => {
    expect(parseKeyring(`${newKey.toString('hex')},short`)).toBeUndefined();
    expect(parseKeyring(',')).toBeUndefined();
    expect(parseKeyring(`${newKey.toString('hex')},`)?.keys).toHaveLength(1);
  });

  it('answers members and exports after rotation: piiKey holds every listed key', () => {
    const stored = encrypt('13800138000', ringOf(oldKey.toString('hex')));
    const ring = piiKey(contextWith(`${newKey.toString('hex')},${oldKey.toString('hex')}`));
    expect(decrypt(stored, ring)).toBe('13800138000');
  });
});

describe('the local cloud at start', () => {
  it('says when PII_KEY is not valid', () => {
    const { summary } = resolveSettings({ PII_KEY: 'not-a-key' }, undefined);
    expect(summary.join('\n')).toMatch(/PII_KEY is not valid/);
  });

  it('says nothing of the kind for a valid key list', () => {
    const { summary } = resolveSettings({ PII_KEY: `${'ab'.repeat(32)},${'cd'.repeat(32)}` }, undefined);
    expect(summary.join('\n')).not.toMatch(/not valid/);
    expect(summary.join('\n')).toMatch(/2 keys/);
  });
});
