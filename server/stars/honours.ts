/** stars.award (hq) / honours — 优秀义工 (yearly) and 功勋义工 (once), listed newest first. */
import type { AwardRequest, HonoursRequest } from '../../typings/api/stars';
import { HONOURS, HONOUR_LABELS } from '../../typings/data';
import type { HonourAward, Page } from '../../typings/entities';
import { isDuplicateKey } from '../cloud';
import { alreadyExists, invalid, notFound, unauthenticated } from '../errors';
import type { Action } from '../handler';
import { pageOf, pageSizeOf } from '../paging';
import * as honours from '../repos/honours';
import { addHonourTitle, findByCardNo, findByIds } from '../repos/volunteers';
import { honourYearProblem } from '../rules/honours';
import { int, oneOf, page, text, z } from '../schema';
import { checkText } from '../security';
import { shanghaiYear } from '../rules/time';

type Listed = HonourAward & { cardNo: string; name: string };

const year = int('年度', 2000, 2100);

/** `2026 年度优秀义工` / `功勋义工`. */
const honourTitle = (honour: HonourAward['honour'], awardYear?: number) =>
  awardYear ? `${awardYear} 年度${HONOUR_LABELS[honour]}` : HONOUR_LABELS[honour];

const awardInput = z.object({
  cardNo: text('义工证号', 20),
  honour: oneOf('荣誉', HONOURS),
  year: z.optional(year),
  reason: text('表彰理由', 200),
});

const honoursInput = z.object({ honour: z.optional(oneOf('荣誉', HONOURS)), year: z.optional(year), ...page });

export const award: Action<AwardRequest, Listed> = {
  access: 'hq',
  input: awardInput,
  async run(input, ctx) {
    if (input.honour === 'outstanding' && input.year === undefined) {
      throw invalid('优秀义工按年度评选，请填写年度', { year: '请填写年度' });
    }
    const yearProblem = input.year === undefined ? undefined : honourYearProblem(input.year, shanghaiYear(Date.now()));
    if (yearProblem) throw invalid(yearProblem, { year: yearProblem });
    // The reason shows on the honours list and the card: others see it.
    await checkText(ctx, { reason: input.reason });
    const volunteer = await findByCardNo(input.cardNo);
    if (!volunteer) throw notFound('未找到该义工证号对应的义工');
    const awardYear = input.honour === 'outstanding' ? input.year : undefined;
    const doc: honours.HonourDoc = {
      _id: honours.honourId(volunteer._id, input.honour, awardYear),
      volunteerId: volunteer._id,
      honour: input.honour,
      ...(awardYear !== undefined ? { year: awardYear } : {}),
      reason: input.reason,
      awardedAt: Date.now(),
      awardedBy: ctx.openid,
    };
    try {
      await honours.insert(doc);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const what = honourTitle(input.honour, awardYear);
      throw alreadyExists(`${volunteer.name}已获得${what}称号`);
    }
    await addHonourTitle(volunteer._id, honourTitle(input.honour, awardYear));
    return { ...honours.toAward(doc), cardNo: volunteer.cardNo, name: volunteer.name };
  },
};

export const list: Action<HonoursRequest, Page<Listed>> = {
  access: 'anyone',
  input: honoursInput,
  async run(input, ctx) {
    if (!(await ctx.volunteer()) && !(await ctx.isHq())) throw unauthenticated();
    const size = pageSizeOf(input.pageSize);
    const docs = await honours.page({ honour: input.honour, year: input.year }, size, input.cursor);
    const { items, nextCursor } = pageOf(docs, size, 'awardedAt');
    const people = new Map((await findByIds([...new Set(items.map((d) => d.volunteerId))])).map((v) => [v._id, v]));
    return {
      items: items.map((d) => {
        const v = people.get(d.volunteerId);
        return { ...honours.toAward(d), cardNo: v?.cardNo ?? '', name: v?.name ?? '已注销的义工' };
      }),
      ...(nextCursor ? { nextCursor } : {}),
    };
  },
};
