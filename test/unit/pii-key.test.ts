// In the cloud, a missing or malformed PII_KEY makes registration refuse to run rather than store numbers unencrypted.
import type { RequestContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { piiKey } from '../../server/pii';

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
    expect(piiKey(contextWith('ab'.repeat(32))).length).toBe(32);
  });
});
