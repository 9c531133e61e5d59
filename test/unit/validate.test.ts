import { PRIVACY_NOTICE_VERSION, TOWNS } from '../../typings/data';
import type { AppError } from '../../server/errors';
import { createInput as postsCreate } from '../../server/posts/schema';
import { int, mobile, oneOf, text, z, type Schema } from '../../server/schema';
import { recordInput, transferInput } from '../../server/timebank/schema';
import { parseInput } from '../../server/validate';
import { registerInput, updateInput as volunteersUpdate } from '../../server/volunteers/schema';

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

describe('no English message reaches a user', () => {
  const schemas: [string, Schema<unknown>][] = [
    ['volunteers.register', registerInput],
    ['volunteers.update', volunteersUpdate],
    ['posts.create', postsCreate],
    ['timebank.record', recordInput],
    ['timebank.transfer', transferInput],
  ];
  const bodies: unknown[] = [
    null,
    'text',
    42,
    [],
    { guardian: null },
    { guardian: 'x', availability: [null], entries: [null], specialties: [5] },
    { name: null, mobile: 13800138000, entries: 'x', availability: {}, quota: '5', lat: 'x' },
  ];
  const chinese = /[\u4e00-\u9fff]/;

  it.each(schemas)('%s answers every wrong type in Chinese', (_name, schema) => {
    const failures: AppError[] = [];
    for (const body of bodies) {
      try {
        parseInput(schema, body); // an empty update (null body) is allowed
      } catch (error) {
        failures.push(error as AppError);
      }
    }
    expect(failures.length).toBeGreaterThanOrEqual(bodies.length - 1);
    for (const failure of failures) {
      expect(failure.code).toBe('INVALID_ARGUMENT');
      expect(failure.message).toMatch(chinese);
      for (const message of Object.values(failure.fields ?? {})) expect(message).toMatch(chinese);
    }
  });

  it('names the guardian when guardian is null', () => {
    let thrown: AppError | undefined;
    try {
      parseInput(volunteersUpdate, { guardian: null });
    } catch (error) {
      thrown = error as AppError;
    }
    expect(thrown?.fields).toEqual({ guardian: '监护人信息格式不正确' });
  });
});
