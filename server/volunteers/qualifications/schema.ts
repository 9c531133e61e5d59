/** Input schemas of the qualification actions. */
import { QUALIFICATION_TYPES, TOWNS } from '../../../typings/data';
import { TITLE_MAX } from '../../rules/qualifications';
import { bool, epochMs, id, oneOf, optionalText, page, z } from '../../schema';

export const addInput = z.object({
  type: oneOf('资格类型', QUALIFICATION_TYPES),
  title: optionalText('证书名称', TITLE_MAX),
  fileId: z
    .string({ error: '请上传证书照片' })
    .check(z.trim(), z.minLength(1, '请上传证书照片'), z.maxLength(500, '证书照片格式不正确')),
  issuedAt: z.optional(epochMs('发证日期')),
  expiresAt: z.optional(epochMs('有效期至')),
});

export const reviewInput = z.object({
  volunteerId: id('义工'),
  qualificationId: id('资格证书'),
  approve: bool('审核结果'),
  reason: optionalText('驳回原因', 50),
});

export const listInput = z.object({ volunteerId: z.optional(id('义工')) });

export const queueInput = z.object({
  brigadeId: z.optional(id('大队')),
  town: z.optional(oneOf('镇区', TOWNS)),
  ...page,
});
