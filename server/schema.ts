/**
 * Field schemas with Chinese messages, on zod/mini (the tree-shakeable build: ~40 KB in a function bundle
 * instead of ~800 KB). Each takes the field's Chinese label so every validation error reads naturally
 * ("请填写姓名", "手机号格式不正确").
 */
import {
  array,
  boolean,
  enum as oneOfValues,
  gte,
  int as integer,
  lte,
  maxLength,
  minLength,
  number,
  object,
  optional,
  overwrite,
  partial,
  refine,
  regex,
  string,
  trim,
  type ZodMiniType,
} from 'zod/mini';
import { PAGE_SIZE_MAX } from '../typings/data';

/**
 * The zod/mini builders the actions use, named one by one: re-exporting zod's whole namespace would defeat
 * tree shaking and put all of zod (~750 KB with its locales) into every function bundle.
 */
export const z = {
  array,
  boolean,
  enum: oneOfValues,
  gte,
  int: integer,
  lte,
  maxLength,
  minLength,
  number,
  object,
  optional,
  overwrite,
  partial,
  refine,
  regex,
  string,
  trim,
};
export type Schema<T> = ZodMiniType<T>;

export const text = (label: string, max: number, min = 1) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
      z.maxLength(max, `${label}不能超过 ${max} 个字`),
    );

/** Zero-width, bidi-override and other format characters (Cf), and control characters (Cc). */
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}]/u;

/** NFKC (full-width letters and spaces folded), inner whitespace collapsed to one space, ends trimmed. */
export const normaliseName = (value: string) => value.normalize('NFKC').replace(/\s+/g, ' ').trim();

/**
 * A person's name others will read (volunteer, guardian …): normalised, and refused when it hides characters
 * that change how it displays (zero-width, bidi overrides) or controls.
 */
export const personName = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).check(
    z.trim(),
    z.refine((v) => !HIDDEN_CHARACTERS.test(v), `${label}含有不可见或控制字符，请重新输入`),
    z.overwrite(normaliseName),
    z.minLength(1, `请填写${label}`),
    z.maxLength(max, `${label}不能超过 ${max} 个字`),
  );

export const optionalText = (label: string, max: number) =>
  z.optional(
    z.string({ error: `${label}格式不正确` }).check(z.trim(), z.maxLength(max, `${label}不能超过 ${max} 个字`)),
  );

/** A mainland China mobile number. */
export const mobile = (label = '手机号') =>
  z
    .string({ error: `请填写${label}` })
    .check(z.trim(), z.regex(/^1[3-9]\d{9}$/, `${label}格式不正确，请填写 11 位手机号`));

export const oneOf = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: `请选择有效的${label}` });

export const listOf = <T extends ZodMiniType>(label: string, item: T, max: number) =>
  z.array(item, { error: `${label}格式不正确` }).check(z.maxLength(max, `${label}最多 ${max} 项`));

export const int = (label: string, min: number, max: number) =>
  z
    .int({ error: `${label}必须是整数` })
    .check(z.gte(min, `${label}不能小于 ${min}`), z.lte(max, `${label}不能大于 ${max}`));

/** A time as epoch milliseconds (2000-01-01 … 2100-01-01). */
export const epochMs = (label: string) =>
  z
    .int({ error: `${label}格式不正确` })
    .check(z.gte(946684800000, `${label}格式不正确`), z.lte(4102444800000, `${label}格式不正确`));

export const id = (label: string) =>
  z.string({ error: `缺少${label}` }).check(z.minLength(1, `缺少${label}`), z.maxLength(64, `${label}格式不正确`));

export const bool = (label: string) => z.boolean({ error: `${label}格式不正确` });

export const page = {
  pageSize: z.optional(int('每页条数', 1, PAGE_SIZE_MAX)),
  cursor: z.optional(z.string({ error: '分页参数格式不正确' }).check(z.maxLength(200, '分页参数格式不正确'))),
};

/** An action that takes no parameters. */
export const none = z.object({}) as unknown as Schema<Record<string, never>>;
