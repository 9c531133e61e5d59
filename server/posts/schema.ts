/** Input schemas of the posts actions. */
import { QUALIFICATION_TYPES, SERIES_WEEKS, SERVICE_CATEGORIES, SPECIALTIES, TOWNS } from '../../typings/data';
import { SHARE_SOURCES } from '../rules/stats';
import { POST_KINDS } from '../rules/training';
import { bool, epochMs, id, int, listOf, oneOf, optionalText, page, text, z } from '../schema';

const coordinate = (label: string, limit: number) =>
  z
    .number({ error: `${label}格式不正确` })
    .check(z.gte(-limit, `${label}格式不正确`), z.lte(limit, `${label}格式不正确`));

const fields = {
  title: text('标题', 30, 4),
  description: text('服务内容', 1000),
  // Required for a service; a training's defaults to 培训 (checked with the kind: rules/training.ts).
  category: z.optional(oneOf('服务类别', SERVICE_CATEGORIES)),
  address: text('服务地点', 100),
  lat: z.optional(coordinate('纬度', 90)),
  lng: z.optional(coordinate('经度', 180)),
  startAt: epochMs('开始时间'),
  endAt: epochMs('结束时间'),
  quota: int('招募人数', 1, 500),
  signupDeadline: z.optional(epochMs('报名截止时间')),
  requiredSpecialties: z.optional(listOf('所需专长', oneOf('所需专长', SPECIALTIES), SPECIALTIES.length)),
  requiredQualifications: z.optional(
    listOf('所需资格', oneOf('所需资格', QUALIFICATION_TYPES), QUALIFICATION_TYPES.length),
  ),
  adultsOnly: z.optional(bool('仅限成年人')),
  membersOnly: z.optional(bool('仅限本大队队员')),
  kind: z.optional(oneOf('类型', POST_KINDS)),
  topic: optionalText('培训主题', 30),
  trainer: optionalText('讲师', 20),
};

export const createInput = z.object({
  brigadeId: id('大队'),
  ...fields,
  repeatWeeks: z.optional(int('重复周数', SERIES_WEEKS.min, SERIES_WEEKS.max)),
});

export const updateInput = z.object({ postId: id('招募'), ...z.partial(z.object(fields)).shape });

export const cancelInput = z.object({ postId: id('招募'), reason: text('取消原因', 20) });

export const postIdInput = z.object({ postId: id('招募') });

/** A sign-up, with where the person came from (招募来源; the feed when absent). */
export const signupInput = z.object({ postId: id('招募'), source: z.optional(oneOf('来源', SHARE_SOURCES)) });

export const codeInput = z.object({ postId: id('招募'), code: text('签到码', 6) });

export const listInput = z.object({
  town: z.optional(oneOf('镇区', TOWNS)),
  category: z.optional(oneOf('服务类别', SERVICE_CATEGORIES)),
  brigadeId: z.optional(id('大队')),
  from: z.optional(epochMs('开始时间')),
  lat: z.optional(coordinate('纬度', 90)),
  lng: z.optional(coordinate('经度', 180)),
  ...page,
});

export const mineInput = z.object({ past: z.optional(bool('历史报名')), ...page });
