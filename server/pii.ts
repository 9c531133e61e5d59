/**
 * The PII keys of this invocation, from the function setting PII_KEY (the current key, then older ones after
 * commas); without a valid setting personal data is not written.
 */
import type { RequestContext } from './context';
import { precondition } from './errors';
import { deriveKey, parseKeyring, type Keyring } from './rules/pii';

export function piiKey(ctx: RequestContext): Keyring {
  const ring = parseKeyring(ctx.settings.piiKey);
  if (!ring) {
    ctx.log.error('pii-key-missing', {});
    throw precondition('系统尚未配置个人信息加密，暂不能登记，请联系总队');
  }
  return ring;
}

export const cardKey = (ctx: RequestContext) => deriveKey(piiKey(ctx), 'card');
