/** Input schemas of the timebank actions. */
import { bool, id, int, listOf, optionalText, page, text, z } from '../schema';

export const RECORD_BATCH_MAX = 100;
export const MINUTES_PER_RECORD_MAX = 1440;

export const requestId = z
  .string({ error: '缺少请求编号 requestId' })
  .check(z.minLength(8, '请求编号 requestId 格式不正确'), z.maxLength(64, '请求编号 requestId 格式不正确'));

export const recordInput = z.object({
  postId: id('招募'),
  entries: listOf(
    '录入名单',
    z.object({
      volunteerId: id('义工'),
      minutes: z.optional(int('服务时长（分钟）', 0, MINUTES_PER_RECORD_MAX)),
      rating: z.optional(int('服务评分', 1, 5)),
      absent: z.optional(bool('缺席')),
      reason: optionalText('录入原因', 100),
    }),
    RECORD_BATCH_MAX,
  ).check(z.minLength(1, '请至少录入一名义工')),
  peopleServed: z.optional(int('服务人数', 0, 100_000)),
});

export const adjustInput = z.object({
  postId: id('招募'),
  volunteerId: id('义工'),
  minutes: int('调整后的服务时长（分钟）', 0, MINUTES_PER_RECORD_MAX),
  rating: z.optional(int('服务评分', 1, 5)),
  reason: text('调整原因', 100),
  requestId,
});

export const transferInput = z.object({
  toCardNo: z
    .string({ error: '请填写对方的义工证号' })
    .check(z.trim(), z.regex(/^ZSBA-\d{4}-\d{6}$/, '义工证号格式不正确，例如 ZSBA-2026-000001')),
  minutes: int('转赠时长（分钟）', 1, 1_000_000),
  note: optionalText('留言', 50),
  requestId,
});

export const ledgerInput = z.object({ ...page });

export const trainingsInput = z.object({ ...page });

export const verifyProofInput = z.object({ token: text('证明二维码', 1000) });
