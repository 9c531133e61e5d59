/** The statistics' period: optional epoch-ms bounds, counted by Asia/Shanghai month. */
import { invalid } from '../errors';
import { epochMs, id, oneOf, z } from '../schema';
import { shanghaiMonth } from '../rules/time';
import { TOWNS } from '../../typings/data';

const bounds = { from: z.optional(epochMs('开始时间')), to: z.optional(epochMs('结束时间')) };

export const overviewInput = z.object({ ...bounds, town: z.optional(oneOf('镇区', TOWNS)) });
export const brigadeInput = z.object({ ...bounds, brigadeId: id('大队') });

/** The period's first and last month (`YYYY-MM`), each absent when open. */
export function monthsOf(input: { from?: number; to?: number }): { from?: string; to?: string } {
  if (input.from !== undefined && input.to !== undefined && input.from > input.to) {
    throw invalid('开始时间不能晚于结束时间', { from: '开始时间不能晚于结束时间' });
  }
  return {
    from: input.from !== undefined ? shanghaiMonth(input.from) : undefined,
    to: input.to !== undefined ? shanghaiMonth(input.to) : undefined,
  };
}
