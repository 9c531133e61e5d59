/** The PII key of this invocation, from the function setting PII_KEY; without it personal data is not written. */
import type { RequestContext } from './context';
import { precondition } from './errors';
import { deriveKey, parseKey } from './rules/pii';

export function piiKey(ctx: RequestContext): Buffer {
  const key = parseKey(ctx.settings.piiKey);
  if (!key) {
    ctx.log.error('pii-key-missing', {});
    throw precondition('系统尚未配置个人信息加密，暂不能登记，请联系总队');
  }
  return key;
}

export const cardKey = (ctx: RequestContext) => deriveKey(piiKey(ctx), 'card');
