/**
 * Validation of `subscribeMessage.send` as the platform does it (WeChat's documented limits per data type):
 * thing ≤ 20 characters; number ≤ 32 digits (decimals allowed); letter ≤ 32 letters; symbol ≤ 5 symbols;
 * character_string ≤ 32 digits/letters/symbols; time and date as date-time text (a range with "~");
 * amount: a currency sign + ≤ 10 digits, optional "元"; phone_number ≤ 17 digits/symbols; car_number ≤ 8;
 * name ≤ 10 Chinese characters or ≤ 20 letters; phrase ≤ 5 Chinese characters.
 * Errors use WeChat's errcode: 40003 touser, 40037 template id, 47003 argument invalid.
 */
import type { WxFault } from '../outbox';

const HAN = /[\u3400-\u9fff]/;
const DATE = String.raw`\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?`;
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?`;
const TIME_VALUE = new RegExp(`^(?:${DATE}\\s*)?${TIME}$`);
const DATE_VALUE = new RegExp(`^${DATE}(?:\\s*${TIME})?$`);

const chars = (s: string): number => [...s].length;
const eachSide = (s: string, ok: (part: string) => boolean): boolean => s.split('~').every((p) => ok(p.trim()));

const RULES: Record<string, (v: string) => boolean> = {
  thing: (v) => chars(v) <= 20,
  number: (v) => /^[-+]?\d+(?:\.\d+)?$/.test(v) && v.replace(/\D/g, '').length <= 32,
  letter: (v) => /^[A-Za-z]+$/.test(v) && v.length <= 32,
  symbol: (v) => /^[^\p{L}\p{N}\s]+$/u.test(v) && chars(v) <= 5,
  character_string: (v) => /^[\x21-\x7e]+$/.test(v) && v.length <= 32,
  time: (v) => eachSide(v, (p) => TIME_VALUE.test(p)),
  date: (v) => eachSide(v, (p) => DATE_VALUE.test(p)),
  amount: (v) => /^[^\d\s.]?\d{1,10}(?:\.\d{1,2})?元?$/.test(v),
  phone_number: (v) => /^[\d+\-()\s]+$/.test(v) && v.length <= 17,
  car_number: (v) => /^[\p{L}\p{N}]+$/u.test(v) && chars(v) <= 8,
  name: (v) => (HAN.test(v) ? chars(v) <= 10 : chars(v) <= 20),
  phrase: (v) => /^[\u3400-\u9fff]+$/.test(v) && chars(v) <= 5,
  enum: () => true,
};

/** The data type of a template key such as `thing1` or `character_string12`. */
export function fieldType(key: string): string | undefined {
  const m = /^([a-z_]+?)(\d+)$/.exec(key);
  return m && RULES[m[1]] ? m[1] : undefined;
}

/** Returns the platform's error for an invalid request, or undefined when it may be sent. */
export function validateSubscribeMessage(req: Record<string, unknown>): WxFault | undefined {
  const touser = req.touser;
  if (typeof touser !== 'string' || !touser) return { errcode: 40003, errmsg: 'invalid openid' };
  const templateId = req.template_id;
  if (typeof templateId !== 'string' || !templateId) return { errcode: 40037, errmsg: 'invalid template_id' };
  const page = req.page;
  if (page !== undefined && (typeof page !== 'string' || page.startsWith('/'))) {
    return { errcode: 41030, errmsg: 'invalid page' };
  }
  const state = req.miniprogram_state;
  if (state !== undefined && !['developer', 'trial', 'formal'].includes(String(state))) {
    return { errcode: 47003, errmsg: 'argument invalid! miniprogram_state invalid' };
  }
  const data = req.data;
  if (!data || typeof data !== 'object' || Array.isArray(data) || Object.keys(data).length === 0) {
    return { errcode: 47003, errmsg: 'argument invalid! data is empty' };
  }
  for (const [key, item] of Object.entries(data as Record<string, unknown>)) {
    const type = fieldType(key);
    if (!type) return { errcode: 47003, errmsg: `argument invalid! data.${key} unknown keyword` };
    const raw = item && typeof item === 'object' ? (item as { value?: unknown }).value : undefined;
    if (raw === undefined || raw === null || String(raw) === '') {
      return { errcode: 47003, errmsg: `argument invalid! data.${key}.value is empty` };
    }
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      return { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` };
    }
    if (!RULES[type](String(raw))) return { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` };
  }
  return undefined;
}
