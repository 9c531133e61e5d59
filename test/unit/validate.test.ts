import { PRIVACY_NOTICE_VERSION, TOWNS } from '../../typings/data';
import type { AppError } from '../../server/errors';
import { int, mobile, oneOf, text, z } from '../../server/schema';
import { parseInput } from '../../server/validate';

const schema = z.object({
  name: text('姓名', 20),
  mobile: mobile(),
  town: oneOf('镇区', TOWNS),
  birthYear: int('出生年份', 1900, 2026),
  guardian: z.optional(z.object({ mobile: mobile('监护人手机号') })),
});

function failure(raw: unknown): AppError {
  try {
    parseInput(schema, raw);
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a validation failure');
}

describe('parseInput', () => {
  it('returns the trimmed input and drops unknown fields', () => {
    const input = parseInput(schema, { name: ' 张三 ', mobile: '13800138000', town: '东区', birthYear: 1990, x: 1 });
    expect(input).toEqual({ name: '张三', mobile: '13800138000', town: '东区', birthYear: 1990 });
  });

  it('answers INVALID_ARGUMENT with a Chinese message per field', () => {
    const error = failure({ name: '  ', mobile: '1234', town: '北京', birthYear: 1990.5, guardian: { mobile: 'x' } });
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.fields).toEqual({
      name: '请填写姓名',
      mobile: '手机号格式不正确，请填写 11 位手机号',
      town: '请选择有效的镇区',
      birthYear: '出生年份必须是整数',
      'guardian.mobile': '监护人手机号格式不正确，请填写 11 位手机号',
    });
    expect(error.message).toBe('请填写姓名（共 5 处需要修改）');
  });

  it('names a single problem plainly', () => {
    const error = failure({ name: '张三', mobile: '13800138000', town: '东区', birthYear: 1800 });
    expect(error.message).toBe('出生年份不能小于 1900');
  });

  it('treats a missing body as empty', () => {
    expect(failure(undefined).fields?.name).toBe('请填写姓名');
  });

  it('keeps the privacy notice version in the contract', () => {
    expect(PRIVACY_NOTICE_VERSION).toBe('2026-01');
  });
});
