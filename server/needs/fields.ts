/** Input fields the recipients and surveys share: positions, phone numbers and recorded consent. */
import { RECIPIENT_NOTICE_VERSION } from '../../typings/data';
import type { ConsentBy, RecipientConsent } from '../../typings/needs';
import { invalid } from '../errors';
import { oneOf, text, z } from '../schema';

export const coordinate = (label: string, limit: number) =>
  z.optional(
    z
      .number({ error: `${label}格式不正确` })
      .check(z.gte(-limit, `${label}格式不正确`), z.lte(limit, `${label}格式不正确`)),
  );

/** A mobile or a landline (0760-88881234): many elders have only a landline. */
export const phone = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, `${label}格式不正确，请填写手机号或座机号（如 0760-88881234）`),
    );

export const consentInput = z.object({
  by: oneOf('同意人', ['self', 'guardian'] as const),
  version: text('告知书版本', 20),
});

/** Consent recorded now, for the current notice only. */
export function consentOf(input: { by: ConsentBy; version: string }, at: number): RecipientConsent {
  if (input.version !== RECIPIENT_NOTICE_VERSION) {
    throw invalid('请先向本人（或监护人）说明最新的个人信息告知书并取得同意', { consent: '告知书版本已更新' });
  }
  return { by: input.by, version: input.version, at };
}

export function checkCoordinates(lat?: number, lng?: number): void {
  if ((lat === undefined) !== (lng === undefined)) throw invalid('请同时提供经纬度', { lat: '请同时提供经纬度' });
}

/** Leaves out what is undefined, so a stored JSON holds no empty keys. */
export const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
