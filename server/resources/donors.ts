/**
 * resources: registerDonor reviewDonor donors myDonor — donors (爱心企业). Any WeChat user registers one donor (a
 * volunteer or not): its name, 统一社会信用代码 (check character verified), contact and whether the board may thank
 * it by name; hq reviews it. A verified donor claims wishes and pledges goods as the company.
 */
import type { ResourcesApi } from '../../typings/api/resources';
import { TOWNS } from '../../typings/data';
import { maskMobile } from '../../typings/display';
import type { Donor } from '../../typings/resources';
import { isDuplicateKey } from '../cloud';
import type { RequestContext } from '../context';
import { alreadyExists, denied, invalid, notFound, precondition } from '../errors';
import type { Action } from '../handler';
import { pageOf, pageSizeOf } from '../paging';
import { piiKey } from '../pii';
import * as repo from '../repos/donors';
import { creditCodeProblem, maskCreditCode, normaliseCreditCode } from '../rules/credit-code';
import { decrypt, encrypt } from '../rules/pii';
import { bool, id, mobile, none, oneOf, optionalText, page, personName, z } from '../schema';
import { checkText } from '../security';
import { claimedWishes } from './donor-wishes';

type Res<A extends keyof ResourcesApi> = ResourcesApi[A]['res'];
type Req<A extends keyof ResourcesApi> = ResourcesApi[A]['req'];

const CODE_PROBLEMS = {
  length: '统一社会信用代码应为 18 位',
  characters: '统一社会信用代码含有无效字符（不使用 I、O、Z、S、V）',
  structure: '统一社会信用代码格式不正确',
  check: '统一社会信用代码校验位不正确，请核对营业执照',
} as const;

/** The donor in full (the donor itself, hq) or with the credit code and mobile masked (others). */
function shown(doc: repo.DonorDoc, ctx: RequestContext, full: boolean): Donor {
  return repo.toDonor(
    doc,
    full
      ? { creditCode: doc.creditCode, contactMobile: decrypt(doc.contactMobileEnc, piiKey(ctx)) }
      : { creditCode: maskCreditCode(doc.creditCode), contactMobile: doc.contactMobileMasked },
  );
}

export const registerDonor: Action<Req<'registerDonor'>, Res<'registerDonor'>> = {
  access: 'anyone',
  input: z.object({
    name: personName('企业名称', 40),
    creditCode: z.string({ error: '请填写统一社会信用代码' }).check(z.maxLength(40, CODE_PROBLEMS.length)),
    contactName: personName('联系人', 20),
    contactMobile: mobile('联系人手机号'),
    town: z.optional(oneOf('镇区', TOWNS)),
    publicThanks: bool('是否公开致谢'),
  }),
  async run(input, ctx) {
    const creditCode = normaliseCreditCode(input.creditCode);
    const problem = creditCodeProblem(creditCode);
    if (problem) throw invalid(CODE_PROBLEMS[problem], { creditCode: CODE_PROBLEMS[problem] });
    const existing = await repo.findByOpenid(ctx.openid);
    if (existing && existing.status !== 'rejected') {
      throw alreadyExists(existing.status === 'verified' ? '你已登记爱心企业并通过审核' : '你已登记爱心企业，正在审核');
    }
    // The board thanks donors by name.
    await checkText(ctx, { name: input.name });
    const fields = {
      name: input.name,
      creditCode,
      contactName: input.contactName,
      contactMobileEnc: encrypt(input.contactMobile, piiKey(ctx)),
      contactMobileMasked: maskMobile(input.contactMobile),
      ...(input.town ? { town: input.town } : {}),
      publicThanks: input.publicThanks,
      registeredAt: Date.now(),
    };
    try {
      if (existing) {
        if (!(await repo.resubmit(existing._id, fields))) throw precondition('登记状态已变化，请刷新后重试');
        ctx.log.info('donor-resubmitted', { donorId: existing._id });
        return { donorId: existing._id, status: 'pending' };
      }
      const doc: repo.DonorDoc = { _id: repo.newDonorId(), openid: ctx.openid, status: 'pending', ...fields };
      await repo.insert(doc);
      ctx.log.info('donor-registered', { donorId: doc._id });
      return { donorId: doc._id, status: 'pending' };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Either this openid registered at the same moment, or another registered the code.
      if (!existing && (await repo.findByOpenid(ctx.openid))) throw alreadyExists('你已登记爱心企业，正在审核');
      throw alreadyExists('该统一社会信用代码已由其他人登记，如有疑问请联系总队');
    }
  },
};

export const reviewDonor: Action<Req<'reviewDonor'>, Res<'reviewDonor'>> = {
  access: 'hq',
  input: z.object({ donorId: id('企业'), approve: bool('审核结果'), reason: optionalText('原因', 200) }),
  async run(input, ctx) {
    if (!input.approve && !input.reason) throw invalid('请填写不通过的原因', { reason: '请填写不通过的原因' });
    const status = input.approve ? 'verified' : 'rejected';
    const patch = { status, reviewedAt: Date.now(), ...(input.reason ? { reason: input.reason } : {}) } as const;
    if (!(await repo.review(input.donorId, patch))) {
      const doc = await repo.findById(input.donorId);
      if (!doc) throw notFound('没有找到该企业');
      throw precondition('该企业已审核，请刷新');
    }
    ctx.log.info('donor-reviewed', { donorId: input.donorId, status });
    return { status };
  },
};

export const donors: Action<Req<'donors'>, Res<'donors'>> = {
  access: 'anyone',
  input: z.object({ status: z.optional(oneOf('状态', ['pending', 'verified', 'rejected'] as const)), ...page }),
  async run(input, ctx) {
    const hq = await ctx.isHq();
    if (!hq && (await ctx.coordinatorTowns()).length === 0) {
      throw denied('仅总队和镇区社工可以查看爱心企业');
    }
    // Coordinators see the verified donors they may call on for goods, masked.
    const status = hq ? (input.status ?? 'pending') : 'verified';
    if (!hq && input.status && input.status !== 'verified') throw denied('仅总队可以查看待审核或未通过的企业');
    const size = pageSizeOf(input.pageSize);
    const cut = pageOf(await repo.page(status, size, input.cursor), size, 'registeredAt');
    return { ...cut, items: cut.items.map((doc) => shown(doc, ctx, hq)) };
  },
};

export const myDonor: Action<Req<'myDonor'>, Res<'myDonor'>> = {
  access: 'anyone',
  input: none,
  async run(_input, ctx) {
    const [doc, claims] = await Promise.all([repo.findByOpenid(ctx.openid), claimedWishes(ctx.openid)]);
    return { ...(doc ? { donor: shown(doc, ctx, true) } : {}), ...claims };
  },
};
