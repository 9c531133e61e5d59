/**
 * resources: savePledge pledges matchPledge handOverPledge withdrawPledge — goods pledges (物资捐赠). A registered
 * volunteer or a verified donor offers goods with a pickup window; the coordinators of the pledge's town (and hq)
 * match it to a wish or an open service plan of that town and mark it handed over; the pledger may withdraw it while
 * it is only offered. Each step is a conditional update on the status: of two coordinators at once, one wins.
 */
import type { ResourcesApi } from '../../typings/api/resources';
import { GOODS_CONDITIONS, PLEDGE_LIMITS, TOWNS, type Town } from '../../typings/data';
import type { Pledge, PledgeStatus } from '../../typings/resources';
import { isDuplicateKey } from '../cloud';
import type { RequestContext } from '../context';
import { denied, invalid, notFound, precondition, unauthenticated } from '../errors';
import type { Action } from '../handler';
import { pageOf, pageSizeOf } from '../paging';
import { piiKey } from '../pii';
import * as donorsRepo from '../repos/donors';
import * as plans from '../repos/plans';
import * as repo from '../repos/pledges';
import * as volunteers from '../repos/volunteers';
import * as wishes from '../repos/wishes';
import { pickupProblem, stepRefusal, STEPS } from '../rules/pledges';
import { decrypt } from '../rules/pii';
import { maskedPerson } from '../rules/wishes';
import { epochMs, id, int, oneOf, optionalText, page, text, z } from '../schema';
import { checkText } from '../security';
import { countBoard } from './board-count';

type Res<A extends keyof ResourcesApi> = ResourcesApi[A]['res'];
type Req<A extends keyof ResourcesApi> = ResourcesApi[A]['req'];

/** A coordinator of `town`, or hq: who matches and hands over a town's pledges (the coordinator asked first). */
async function managesTown(ctx: RequestContext, town: Town): Promise<boolean> {
  if (ctx.settings.hqOpenids.includes(ctx.openid)) return true;
  return (await ctx.coordinatorTowns()).includes(town) || ctx.isHq();
}

async function requireTownManager(ctx: RequestContext, town: Town): Promise<void> {
  if (!(await managesTown(ctx, town))) throw denied('仅该镇区的社工（协调员）或总队可以处理物资捐赠');
}

async function loadPledge(pledgeId: string): Promise<repo.PledgeDoc> {
  const doc = await repo.findById(pledgeId);
  if (!doc) throw notFound('没有找到该物资捐赠');
  return doc;
}

/** After a conditional update found the pledge elsewhere: why (a fresh read). */
async function refusedStep(pledgeId: string, step: keyof typeof STEPS): Promise<never> {
  const now = await loadPledge(pledgeId);
  throw precondition(stepRefusal(step, now.status));
}

/** What the pledge is matched to: a published or claimed wish, or an open plan, of the pledge's town. */
async function matchTarget(pledge: repo.PledgeDoc, input: { wishId?: string; planId?: string }) {
  if (input.wishId) {
    const wish = await wishes.findById(input.wishId);
    if (!wish) throw notFound('没有找到该心愿');
    if (wish.status !== 'published' && wish.status !== 'claimed') throw precondition('该心愿不在心愿墙上，不能匹配');
    if (wish.town !== pledge.town) throw invalid('只能匹配同一镇区的心愿', { wishId: '与捐赠的镇区不一致' });
    return { wishId: wish._id, title: wish.title };
  }
  const plan = await plans.findById(input.planId ?? '');
  if (!plan) throw notFound('没有找到该服务计划');
  if (plan.status !== 'open') throw precondition('该服务计划已结案，不能匹配');
  if (plan.town !== pledge.town) throw invalid('只能匹配同一镇区的服务计划', { planId: '与捐赠的镇区不一致' });
  return { planId: plan._id, title: `${plan.recipient.displayName}的服务计划` };
}

/** Pledges whose pickup is still to be arranged: only then do the town's managers see whom to call. */
const LIVE: PledgeStatus[] = ['offered', 'matched'];

/** Whom to call for the pickup, for the town's managers: the volunteer or the donor's contact (two reads at most). */
async function contactsOf(ctx: RequestContext, docs: repo.PledgeDoc[]): Promise<Map<string, Pledge['contact']>> {
  const live = docs.filter((d) => LIVE.includes(d.status));
  const [people, companies] = await Promise.all([
    volunteers.findByIds([...new Set(live.flatMap((d) => (d.volunteerId ? [d.volunteerId] : [])))]),
    donorsRepo.byIds([...new Set(live.flatMap((d) => (d.donorId ? [d.donorId] : [])))]),
  ]);
  const key = piiKey(ctx);
  const contacts = new Map<string, Pledge['contact']>();
  for (const p of people) contacts.set(p._id, { name: p.name, mobile: decrypt(p.mobileEnc, key) });
  for (const c of companies) {
    contacts.set(c._id, { name: `${c.contactName}（${c.name}）`, mobile: decrypt(c.contactMobileEnc, key) });
  }
  return contacts;
}

export const savePledge: Action<Req<'savePledge'>, Res<'savePledge'>> = {
  access: 'anyone',
  input: z.object({
    what: text('物品名称', 30),
    quantity: int('数量', 1, PLEDGE_LIMITS.quantityMax),
    unit: text('单位', 6),
    condition: oneOf('物品成色', GOODS_CONDITIONS),
    town: oneOf('镇区', TOWNS),
    pickupFrom: epochMs('取货开始时间'),
    pickupTo: epochMs('取货结束时间'),
    note: optionalText('备注', 200),
    requestId: id('请求编号'),
  }),
  async run(input, ctx) {
    const now = Date.now();
    const problem = pickupProblem(input.pickupFrom, input.pickupTo, now);
    if (problem) throw invalid(problem, { pickupTo: problem });
    const [volunteer, donor] = await Promise.all([ctx.volunteer(), donorsRepo.findVerifiedByOpenid(ctx.openid)]);
    // A verified donor gives as the company; a volunteer shows as 陈**.
    const by = donor
      ? { donorId: donor._id, byName: donor.name }
      : volunteer && { volunteerId: volunteer._id, byName: maskedPerson(volunteer.name) };
    if (!by) throw unauthenticated('请先登记成为义工，或登记爱心企业并通过审核后再捐赠物资');
    await checkText(ctx, { what: input.what, note: input.note });
    const doc: repo.PledgeDoc = {
      _id: repo.pledgeIdOf(ctx.openid, input.requestId),
      openid: ctx.openid,
      ...by,
      what: input.what,
      quantity: input.quantity,
      unit: input.unit,
      condition: input.condition,
      town: input.town,
      pickupFrom: input.pickupFrom,
      pickupTo: input.pickupTo,
      ...(input.note ? { note: input.note } : {}),
      status: 'offered',
      createdAt: now,
      updatedAt: now,
    };
    try {
      await repo.insert(doc);
    } catch (error) {
      // The same request again (a retry, a double tap): the pledge it made the first time.
      if (!isDuplicateKey(error)) throw error;
      return { pledgeId: doc._id, status: 'offered' };
    }
    await countBoard(ctx, doc.town, { pledged: 1 });
    ctx.log.info('pledge-offered', { pledgeId: doc._id, town: doc.town });
    return { pledgeId: doc._id, status: 'offered' };
  },
};

export const pledges: Action<Req<'pledges'>, Res<'pledges'>> = {
  access: 'anyone',
  input: z.object({
    town: z.optional(oneOf('镇区', TOWNS)),
    status: z.optional(oneOf('状态', ['offered', 'matched', 'handed', 'withdrawn'] as const)),
    mine: z.optional(z.boolean({ error: '参数格式不正确' })),
    ...page,
  }),
  async run(input, ctx) {
    const size = pageSizeOf(input.pageSize);
    if (input.mine) {
      const docs = await repo.page({ openid: ctx.openid, status: input.status }, size, input.cursor);
      const cut = pageOf(docs, size, 'createdAt');
      return { ...cut, items: cut.items.map((doc) => ({ ...repo.toPledge(doc), mine: true })) };
    }
    const town = input.town ?? (await ctx.coordinatorTowns())[0];
    if (!town) throw denied('仅镇区的社工（协调员）或总队可以查看镇区的物资捐赠');
    await requireTownManager(ctx, town);
    const cut = pageOf(await repo.page({ town, status: input.status }, size, input.cursor), size, 'createdAt');
    const contacts = await contactsOf(ctx, cut.items);
    return {
      ...cut,
      items: cut.items.map((doc) => {
        const contact = LIVE.includes(doc.status) ? contacts.get(doc.donorId ?? doc.volunteerId ?? '') : undefined;
        return {
          ...repo.toPledge(doc),
          ...(doc.openid === ctx.openid ? { mine: true } : {}),
          ...(contact ? { contact } : {}),
        };
      }),
    };
  },
};

export const matchPledge: Action<Req<'matchPledge'>, Res<'matchPledge'>> = {
  access: 'anyone',
  input: z.object({ pledgeId: id('物资捐赠'), wishId: z.optional(id('心愿')), planId: z.optional(id('服务计划')) }),
  async run(input, ctx) {
    if (!input.wishId === !input.planId) throw invalid('请选择一个心愿或一个服务计划进行匹配');
    const pledge = await loadPledge(input.pledgeId);
    await requireTownManager(ctx, pledge.town);
    if (pledge.status !== STEPS.match.from) throw precondition(stepRefusal('match', pledge.status));
    const match = await matchTarget(pledge, input);
    const now = Date.now();
    const patch = { status: STEPS.match.to, match, matchedBy: ctx.openid, matchedAt: now, updatedAt: now };
    if (!(await repo.transition(pledge._id, STEPS.match.from, patch))) await refusedStep(pledge._id, 'match');
    ctx.log.info('pledge-matched', { pledgeId: pledge._id, ...match });
    return { status: 'matched' };
  },
};

export const handOverPledge: Action<Req<'handOverPledge'>, Res<'handOverPledge'>> = {
  access: 'anyone',
  input: z.object({ pledgeId: id('物资捐赠') }),
  async run(input, ctx) {
    const pledge = await loadPledge(input.pledgeId);
    await requireTownManager(ctx, pledge.town);
    if (pledge.status !== STEPS.handOver.from) throw precondition(stepRefusal('handOver', pledge.status));
    const now = Date.now();
    const patch = { status: STEPS.handOver.to, handedAt: now, updatedAt: now };
    if (!(await repo.transition(pledge._id, STEPS.handOver.from, patch))) await refusedStep(pledge._id, 'handOver');
    await countBoard(ctx, pledge.town, { handed: 1 });
    ctx.log.info('pledge-handed', { pledgeId: pledge._id });
    return { status: 'handed' };
  },
};

export const withdrawPledge: Action<Req<'withdrawPledge'>, Res<'withdrawPledge'>> = {
  access: 'anyone',
  input: z.object({ pledgeId: id('物资捐赠') }),
  async run(input, ctx) {
    const pledge = await loadPledge(input.pledgeId);
    if (pledge.openid !== ctx.openid) throw denied('仅捐赠人本人可以撤回');
    if (pledge.status !== STEPS.withdraw.from) throw precondition(stepRefusal('withdraw', pledge.status));
    const now = Date.now();
    const patch = { status: STEPS.withdraw.to, withdrawnAt: now, updatedAt: now };
    const done = await repo.transition(pledge._id, STEPS.withdraw.from, patch, ctx.openid);
    if (!done) await refusedStep(pledge._id, 'withdraw');
    await countBoard(ctx, pledge.town, { pledged: -1 });
    return { status: 'withdrawn' };
  },
};
