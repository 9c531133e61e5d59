/**
 * timebank.redeem / cancelRedeem / deliverRedemption / redemptions — spending banked minutes (兑换服务). One
 * transaction reads the volunteer's account, refuses beyond the balance, moves the minutes into the bank's
 * redemption account (held), and writes the redemption with the household survey that opens the need for the
 * coordinator of the volunteer's town. Settling moves them on once: back to the volunteer when cancelled
 * (`redemption-return`), into the bank's spent account when delivered (`redemption-spent`). The redemption's id
 * comes from the (volunteer, requestId) key: the same call repeated answers with the first redemption; the same
 * requestId with other minutes, category, note or name is refused (ALREADY_EXISTS).
 */
import type { RedeemRequest, Redemption, TimebankApi } from '../../typings/api/timebank';
import { SERVICE_CATEGORIES } from '../../typings/data';
import type { Page, PageRequest } from '../../typings/entities';
import { isDuplicateKey } from '../cloud';
import type { RequestContext } from '../context';
import { alreadyExists, denied, invalid, notFound, precondition } from '../errors';
import type { Action } from '../handler';
import { pageOf, pageSizeOf } from '../paging';
import { piiKey } from '../pii';
import { needsSubject, queue } from '../reminders/notices';
import * as accounts from '../repos/accounts';
import * as recipients from '../repos/recipients';
import * as repo from '../repos/redemptions';
import * as surveys from '../repos/surveys';
import { idempotency, REDEMPTION_ACCOUNT, SPENT_ACCOUNT, type Movement } from '../rules/ledger';
import { noticeData } from '../rules/outbox';
import { decrypt } from '../rules/pii';
import {
  cancelProblem,
  deliverProblem,
  heldOf,
  minutesProblem,
  needOf,
  REDEEM_STEP,
  redemptionIdOf,
  sameRequest,
  type Settler,
} from '../rules/redemption';
import { id, int, oneOf, optionalText, page, personName, text, z } from '../schema';
import { checkText } from '../security';
import { countSurvey } from '../stats/needs-count';
import { inTransaction } from '../transaction';
import { post } from './post';
import { requestId } from './schema';

type Res<A extends keyof TimebankApi> = TimebankApi[A]['res'];

export const REQUEST_REUSED = '该请求编号已用于另一笔兑换，请返回重新发起';
/** Where the volunteer follows their redemptions (我的兑换), and where its notices land. */
export const REDEMPTIONS_PAGE = 'timebank/pages/redemptions/index';
const BANK_LABEL = '时间银行兑换';

/** The minutes a volunteer's open redemptions hold (out of their balance until delivered or cancelled). */
export const heldMinutesOf = async (volunteerId: string) => heldOf(await repo.openOf(volunteerId));

function toRedemption(doc: repo.RedemptionDoc, forName: string | undefined): Redemption {
  return {
    redemptionId: doc._id,
    minutes: doc.minutes,
    category: doc.category,
    note: doc.note,
    ...(forName ? { forName } : {}),
    status: doc.status,
    town: doc.town,
    createdAt: doc.createdAt,
    ...(doc.deliveredAt ? { deliveredAt: doc.deliveredAt } : {}),
    ...(doc.cancelledAt ? { cancelledAt: doc.cancelledAt } : {}),
    ...(doc.cancelReason ? { cancelReason: doc.cancelReason } : {}),
  };
}

/** The first result of this requestId: the redemption as it stands if the request is the same, a refusal if not. */
function repeated(ctx: RequestContext, doc: repo.RedemptionDoc, input: RedeemRequest, balanceMinutes: number) {
  const stored = { ...doc, forName: repo.nameOf(doc, piiKey(ctx)) };
  if (!sameRequest(stored, input)) throw alreadyExists(REQUEST_REUSED);
  return { redemptionId: doc._id, status: doc.status, balanceMinutes };
}

async function repeatedNow(ctx: RequestContext, doc: repo.RedemptionDoc, input: RedeemRequest) {
  const account = await accounts.findById(accounts.volunteerAccountId(doc.volunteerId));
  return repeated(ctx, doc, input, account?.balance ?? 0);
}

export const redeem: Action<RedeemRequest, Res<'redeem'>> = {
  access: 'volunteer',
  input: z.object({
    minutes: int('兑换时长（分钟）', REDEEM_STEP, 1_000_000),
    category: oneOf('服务类别', SERVICE_CATEGORIES),
    note: text('需求说明', 200),
    forName: z.optional(personName('家人姓名', 20)),
    requestId,
  }),
  async run(input, ctx) {
    const me = await ctx.requireVolunteer();
    const redemptionId = redemptionIdOf(me._id, input.requestId);
    const earlier = await repo.findById(redemptionId);
    if (earlier) return repeatedNow(ctx, earlier, input);
    if (input.minutes % REDEEM_STEP !== 0) {
      throw invalid(minutesProblem(input.minutes, Infinity) ?? '', { minutes: `须为 ${REDEEM_STEP} 分钟的整数倍` });
    }
    const key = piiKey(ctx);
    // The coordinator reads the note (and the name) to plan the help: both pass the content check.
    await checkText(ctx, { note: input.note, forName: input.forName });
    const from = accounts.volunteerAccountId(me._id);
    const surveyId = surveys.surveyIdOf(me._id, `redeem:${input.requestId}`);
    // The survey this call wrote (undefined when it answered a repeat), counted once the transaction committed.
    let survey: surveys.SurveyDoc | undefined;
    try {
      const result = await inTransaction(async (tx) => {
        survey = undefined;
        const now = Date.now();
        const [mine, held, again] = await Promise.all([
          accounts.getInTransaction(tx, from),
          accounts.getInTransaction(tx, REDEMPTION_ACCOUNT),
          repo.getInTransaction(tx, redemptionId),
        ]);
        const balance = mine?.balance ?? 0;
        if (again) return repeated(ctx, again, input, balance);
        const problem = minutesProblem(input.minutes, balance);
        if (problem) throw precondition(problem);
        const need = needOf(input, { ...me, mobile: decrypt(me.mobileEnc, key) }, input.minutes, now);
        const doc: repo.RedemptionDoc = {
          _id: redemptionId,
          volunteerId: me._id,
          requestId: input.requestId,
          minutes: input.minutes,
          category: input.category,
          note: input.note,
          ...(input.forName ? { forNameEnc: repo.sealName(input.forName, key) } : {}),
          status: 'open',
          town: me.town,
          surveyId,
          createdAt: now,
        };
        const written: surveys.SurveyDoc = {
          _id: surveyId,
          requestId: `redeem:${input.requestId}`,
          town: me.town,
          community: me.community ?? '（未填写社区）',
          status: 'submitted',
          sealed: surveys.seal(need.household, key),
          members: need.members,
          needs: need.needs,
          consent: need.consent,
          surveyorId: me._id,
          surveyorName: me.name,
          surveyedAt: now,
          redemption: { redemptionId, minutes: input.minutes, status: 'open' },
        };
        const movement: Movement = {
          idempotencyKey: idempotency.redeem(me._id, input.requestId),
          kind: 'redemption',
          from: { accountId: from },
          to: { accountId: REDEMPTION_ACCOUNT, label: BANK_LABEL },
          minutes: input.minutes,
          at: now,
          note: input.category,
        };
        await Promise.all([
          repo.insertInTransaction(tx, doc),
          surveys.insertInTransaction(tx, written),
          post(tx, [movement], [mine, held]),
        ]);
        survey = written;
        return { redemptionId, status: 'open' as const, balanceMinutes: balance - input.minutes };
      });
      if (survey) await countSurvey(ctx, survey);
      ctx.log.info('redeemed', { redemptionId, minutes: input.minutes });
      return result;
    } catch (error) {
      // The same requestId redeemed meanwhile (the redemption's id is taken): answer as a repeat.
      if (!isDuplicateKey(error)) throw error;
      const first = await repo.findById(redemptionId);
      if (!first) throw error;
      return repeatedNow(ctx, first, input);
    }
  },
};

type Outcome = 'return' | 'spent';

/**
 * Settles an open redemption in one transaction: the movement (back to the volunteer, or on to the spent account),
 * the redemption's status and its survey's copy. `problem` says why this settler may not (read in the transaction).
 */
async function settle(
  ctx: RequestContext,
  doc: repo.RedemptionDoc,
  outcome: Outcome,
  by: { settler: Settler; volunteerId: string; reason?: string },
): Promise<number> {
  const owner = accounts.volunteerAccountId(doc.volunteerId);
  const to = outcome === 'return' ? owner : SPENT_ACCOUNT;
  const balance = await inTransaction(async (tx) => {
    const now = Date.now();
    const [current, survey, held, target] = await Promise.all([
      repo.getInTransaction(tx, doc._id),
      surveys.getInTransaction(tx, doc.surveyId),
      accounts.getInTransaction(tx, REDEMPTION_ACCOUNT),
      accounts.getInTransaction(tx, to),
    ]);
    if (!current) throw notFound('没有找到该兑换');
    const converted = !!survey && survey.status === 'converted';
    const problem =
      outcome === 'return'
        ? cancelProblem(current.status, by.settler, converted, by.reason)
        : deliverProblem(current.status);
    if (problem) throw precondition(problem);
    const status = outcome === 'return' ? ('cancelled' as const) : ('delivered' as const);
    const reason = by.reason ?? '兑换人已取消';
    await Promise.all([
      post(
        tx,
        [
          {
            idempotencyKey: idempotency.settle(doc._id, outcome),
            kind: outcome === 'return' ? 'redemption-return' : 'redemption-spent',
            from: { accountId: REDEMPTION_ACCOUNT, label: BANK_LABEL },
            to: { accountId: to, ...(outcome === 'spent' ? { label: '时间银行已兑现' } : {}) },
            minutes: current.minutes,
            at: now,
            note: current.category,
          },
        ],
        [held, target],
      ),
      repo.settleInTransaction(
        tx,
        doc._id,
        outcome === 'return'
          ? { status, cancelledAt: now, cancelReason: reason, cancelledBy: by.settler, settledBy: by.volunteerId }
          : { status, deliveredAt: now, settledBy: by.volunteerId },
      ),
      survey
        ? surveys.settleRedemptionInTransaction(
            tx,
            survey._id,
            status,
            status === 'cancelled' && survey.status === 'submitted' ? { reason, at: now } : undefined,
          )
        : Promise.resolve(),
    ]);
    return (target?.balance ?? 0) + current.minutes;
  });
  if (by.settler === 'coordinator') await queueSettled(ctx, doc, outcome, by.reason);
  ctx.log.info('redemption-settled', { redemptionId: doc._id, outcome, by: by.settler });
  return balance;
}

/** 已完成 / 已取消 for the volunteer, when the coordinator settled their redemption. */
function queueSettled(ctx: RequestContext, doc: repo.RedemptionDoc, outcome: Outcome, reason?: string) {
  const kind = outcome === 'spent' ? ('delivered' as const) : ('cancelled' as const);
  const note = outcome === 'spent' ? `${doc.minutes / 60} 小时已兑现，感谢您的奉献` : `时长已退回：${reason ?? ''}`;
  return queue(ctx, [
    {
      kind,
      subject: `redemption:${doc._id}`,
      grantSubject: needsSubject(doc.volunteerId),
      page: REDEMPTIONS_PAGE,
      data: noticeData(kind, `时间银行兑换 · ${doc.category}`, note),
    },
  ]);
}

/** The caller's standing towards a redemption: its owner, or the coordinator of its town. */
async function settlerOf(ctx: RequestContext, redemptionId: string) {
  const [doc, me, towns] = await Promise.all([
    repo.findById(redemptionId),
    ctx.requireVolunteer(),
    ctx.coordinatorTowns(),
  ]);
  if (!doc) throw notFound('没有找到该兑换');
  const coordinator = towns.includes(doc.town);
  return { doc, me, coordinator, owner: doc.volunteerId === me._id };
}

/**
 * Called by needs.dismissSurvey (and on closing a plan): a redemption still open on this survey returns its minutes.
 * The caller's own change has happened already, so a failure is logged, not thrown: the owner can still cancel.
 */
export async function cancelForSurvey(ctx: RequestContext, survey: surveys.SurveyDoc, by: string, reason: string) {
  if (!survey.redemption || survey.redemption.status !== 'open') return;
  try {
    const doc = await repo.findById(survey.redemption.redemptionId);
    if (doc?.status === 'open') await settle(ctx, doc, 'return', { settler: 'coordinator', volunteerId: by, reason });
  } catch (error) {
    ctx.log.error('redemption-not-cancelled', { surveyId: survey._id, message: (error as Error)?.message });
  }
}

/** Called by needs.reviewPlan on closing a plan: its recipient's redemption, still not delivered, is cancelled. */
export async function cancelForClosedPlan(ctx: RequestContext, recipientId: string, by: string, note: string) {
  const recipient = await recipients.findById(recipientId);
  const survey = recipient?.surveyId ? await surveys.findById(recipient.surveyId) : undefined;
  if (survey) await cancelForSurvey(ctx, survey, by, `服务计划已结案，未确认完成：${note}`.slice(0, 200));
}

export const cancelRedeem: Action<TimebankApi['cancelRedeem']['req'], Res<'cancelRedeem'>> = {
  access: 'volunteer',
  input: z.object({ redemptionId: id('兑换'), reason: optionalText('取消原因', 200) }),
  async run(input, ctx) {
    const { doc, me, coordinator, owner } = await settlerOf(ctx, input.redemptionId);
    if (!owner && !coordinator) throw denied('仅兑换人和该镇区的社工（协调员）可以取消兑换');
    await checkText(ctx, { reason: input.reason });
    const settler: Settler = owner ? 'owner' : 'coordinator';
    const balance = await settle(ctx, doc, 'return', { settler, volunteerId: me._id, reason: input.reason });
    // A coordinator is not shown the volunteer's balance.
    return { status: 'cancelled', balanceMinutes: owner ? balance : 0 };
  },
};

export const deliverRedemption: Action<TimebankApi['deliverRedemption']['req'], Res<'deliverRedemption'>> = {
  access: 'volunteer',
  input: z.object({ redemptionId: id('兑换') }),
  async run(input, ctx) {
    const { doc, me, coordinator } = await settlerOf(ctx, input.redemptionId);
    if (!coordinator) throw denied('仅该镇区的社工（协调员）可以确认兑换的服务已完成');
    await settle(ctx, doc, 'spent', { settler: 'coordinator', volunteerId: me._id });
    return { status: 'delivered' };
  },
};

export const redemptions: Action<PageRequest, Page<Redemption>> = {
  access: 'volunteer',
  input: z.object({ ...page }),
  async run(input, ctx) {
    const me = await ctx.requireVolunteer();
    const size = pageSizeOf(input.pageSize);
    const cut = pageOf(await repo.pageOfVolunteer(me._id, size, input.cursor), size, 'createdAt');
    const hasNames = cut.items.some((d) => d.forNameEnc);
    const key = hasNames ? piiKey(ctx) : undefined;
    return { ...cut, items: cut.items.map((d) => toRedemption(d, key ? repo.nameOf(d, key) : undefined)) };
  },
};
