// timebank.redeem / cancelRedeem / deliverRedemption / redemptions through the real local cloud: banked minutes held
// for a need the town's coordinator sees in 需求调查, spent when delivered, returned when cancelled; roles, bad
// input, the same requestId at once, over-balance races, and the family member's name kept private.
import type { BalanceResponse, Redemption } from '../../typings/api/timebank';
import type { LedgerEntry, Page } from '../../typings/entities';
import type { Survey } from '../../typings/needs';
import { call, fails, ok } from './helpers';
import { needsWorld, recipientRequest, type NeedsWorld } from './needs-world';
import { expectBooksBalance } from './timebank-world';

let w: NeedsWorld;
let seq = 0;
const tb = <T>(action: string, params: object, openid: string) => ok<T>(w.cloud, 'timebank', action, params, openid);
const refused = (action: string, params: object, openid: string) => fails(w.cloud, 'timebank', action, params, openid);
const balance = (openid: string) => tb<BalanceResponse>('balance', {}, openid);
type Redeemed = { redemptionId: string; status: string; balanceMinutes: number };
const request = (over: object = {}) => {
  seq += 1;
  return {
    minutes: 60,
    category: '陪同就医',
    note: '下周二去人民医院复诊，需要有人陪同',
    requestId: `redeem-${seq}-xx`,
    ...over,
  };
};
const mine = async (openid: string) => (await tb<Page<Redemption>>('redemptions', {}, openid)).items;
const survey = (openid: string, surveyId: string) => ok<Survey>(w.cloud, 'needs', 'survey', { surveyId }, openid);
const surveyOf = async (redemptionId: string) =>
  (await w.docs<{ _id: string }>('redemptions', { _id: redemptionId }))[0] as unknown as { surveyId: string };
const counts = async () => ({
  redemptions: (await w.docs('redemptions')).length,
  surveys: (await w.docs('surveys')).length,
  ledger: (await w.docs('ledger')).length,
});

/** Credits `minutes` to each openid through a recorded post (the way minutes are banked). */
async function bank(openids: string[], minutes: number) {
  const post = await w.served(openids);
  const entries = openids.map((o) => ({
    volunteerId: w.people[o].volunteerId,
    rating: 5,
    minutes,
    reason: '补录时长',
  }));
  await ok(w.cloud, 'timebank', 'record', { postId: post.postId, entries }, 'leader');
}

beforeAll(async () => {
  w = await needsWorld();
  for (const openid of ['old', 'racer', 'twin']) await w.register(openid, { name: '梁伯' });
  await bank(['old', 'racer', 'twin', 'vol'], 300);
}, 60_000);
afterAll(() => w.cloud.stop());

describe('a redemption from request to delivered', () => {
  it('holds the minutes, opens a need the coordinator sees, and spends them when delivered', async () => {
    const before = await balance('old');
    const sent = await tb<Redeemed>('redeem', request({ minutes: 120 }), 'old');
    expect(sent).toMatchObject({ status: 'open', balanceMinutes: before.balanceMinutes - 120 });
    expect(await balance('old')).toMatchObject({
      balanceMinutes: before.balanceMinutes - 120,
      heldMinutes: 120,
      earnedMinutes: before.earnedMinutes,
    });
    // The volunteer's ledger shows the hold against the bank's redemption account.
    const ledger = await tb<Page<LedgerEntry>>('ledger', {}, 'old');
    expect(ledger.items[0]).toMatchObject({ kind: 'redemption', minutes: -120, counterparty: '时间银行兑换' });

    // The coordinator of the town finds it among the surveys waiting, tagged with the redemption.
    const waiting = await ok<Page<Survey>>(w.cloud, 'needs', 'surveys', {}, 'coord');
    const need = waiting.items.find((s) => s.redemption?.redemptionId === sent.redemptionId);
    expect(need).toMatchObject({
      town: '石岐区',
      status: 'submitted',
      redemption: { minutes: 120, status: 'open' },
      needs: [{ category: '陪同就医', note: '下周二去人民医院复诊，需要有人陪同' }],
      household: { contactName: '梁伯', phone: expect.stringMatching(/^13\d{9}$/) },
    });
    // Another town's coordinator does not.
    expect(await fails(w.cloud, 'needs', 'survey', { surveyId: need!.surveyId }, 'coord-east')).toMatchObject({
      code: 'PERMISSION_DENIED',
    });

    expect(await refused('deliverRedemption', { redemptionId: sent.redemptionId }, 'old')).toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    expect(await tb('deliverRedemption', { redemptionId: sent.redemptionId }, 'coord')).toEqual({
      status: 'delivered',
    });
    expect(await balance('old')).toMatchObject({
      balanceMinutes: before.balanceMinutes - 120,
      heldMinutes: 0,
      earnedMinutes: before.earnedMinutes,
    });
    expect((await mine('old'))[0]).toMatchObject({ status: 'delivered', deliveredAt: expect.any(Number) });
    expect((await survey('coord', need!.surveyId)).redemption?.status).toBe('delivered');
    // Delivered once: neither delivered again nor cancelled afterwards.
    expect(await refused('deliverRedemption', { redemptionId: sent.redemptionId }, 'coord')).toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    expect(await refused('cancelRedeem', { redemptionId: sent.redemptionId }, 'old')).toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: '该兑换的服务已完成，不能取消',
    });
    const notices = await w.docs<{ kind: string; subject: string }>('outbox', {
      subject: `redemption:${sent.redemptionId}`,
    });
    expect(notices.map((n) => n.kind)).toEqual(['delivered']);
    const { accounts } = await expectBooksBalance(w);
    expect(accounts.find((a) => a._id === 'bank:spent')?.balance).toBe(120);
  });
});

describe('a redemption cancelled', () => {
  it('by the volunteer while it waits: the minutes come back and the survey leaves the list', async () => {
    const before = await balance('old');
    const sent = await tb<Redeemed>('redeem', request({ minutes: 30 }), 'old');
    const back = await tb('cancelRedeem', { redemptionId: sent.redemptionId }, 'old');
    expect(back).toEqual({ status: 'cancelled', balanceMinutes: before.balanceMinutes });
    expect(await balance('old')).toMatchObject({ ...before, heldMinutes: 0 });
    const { surveyId } = await surveyOf(sent.redemptionId);
    expect(await survey('coord', surveyId)).toMatchObject({
      status: 'dismissed',
      redemption: { status: 'cancelled' },
    });
    const ledger = await tb<Page<LedgerEntry>>('ledger', {}, 'old');
    expect(ledger.items[0]).toMatchObject({ kind: 'redemption-return', minutes: 30 });
    expect(await refused('cancelRedeem', { redemptionId: sent.redemptionId }, 'old')).toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: '该兑换已取消',
    });
    await expectBooksBalance(w);
  });

  it('by the coordinator dismissing its survey: the minutes come back and the volunteer is told', async () => {
    const before = await balance('old');
    const sent = await tb<Redeemed>('redeem', request({ minutes: 90 }), 'old');
    const { surveyId } = await surveyOf(sent.redemptionId);
    await ok(w.cloud, 'needs', 'dismissSurvey', { surveyId, reason: '本月陪诊义工已满，请下月再约' }, 'coord');
    expect(await balance('old')).toMatchObject({ ...before, heldMinutes: 0 });
    expect((await mine('old'))[0]).toMatchObject({ status: 'cancelled', cancelReason: '本月陪诊义工已满，请下月再约' });
    const notices = await w.docs<{ kind: string }>('outbox', { subject: `redemption:${sent.redemptionId}` });
    expect(notices.map((n) => n.kind)).toEqual(['cancelled']);
    await expectBooksBalance(w);
  });

  it('after the coordinator made a plan: only the coordinator cancels, with a reason', async () => {
    const sent = await tb<Redeemed>('redeem', request({ minutes: 60 }), 'old');
    const { surveyId } = await surveyOf(sent.redemptionId);
    await ok(
      w.cloud,
      'needs',
      'saveRecipient',
      {
        name: '梁志强',
        categories: ['困难老人'],
        town: '石岐区',
        community: '悦来社区',
        address: '石岐区悦来南路 20 号',
        consent: { by: 'self', version: '2026-01' },
        surveyId,
      },
      'coord',
    );
    expect(await refused('cancelRedeem', { redemptionId: sent.redemptionId }, 'old')).toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: '社工已为该兑换安排服务，如需取消请联系镇区社工',
    });
    expect(await refused('cancelRedeem', { redemptionId: sent.redemptionId }, 'coord')).toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: '请填写取消原因',
    });
    const before = await balance('old');
    expect(await tb('cancelRedeem', { redemptionId: sent.redemptionId, reason: '家属已自行安排' }, 'coord')).toEqual({
      status: 'cancelled',
      balanceMinutes: 0,
    });
    expect((await balance('old')).balanceMinutes).toBe(before.balanceMinutes + 60);
    await expectBooksBalance(w);
  });
});

describe('a plan made from a redemption', () => {
  it('closed without the delivery confirmed returns the minutes; confirmed first, they stay spent', async () => {
    const plan = async (minutes: number) => {
      const sent = await tb<Redeemed>('redeem', request({ minutes }), 'old');
      const { surveyId } = await surveyOf(sent.redemptionId);
      const { recipientId } = await w.needs<{ recipientId: string }>(
        'saveRecipient',
        { ...recipientRequest({ name: '梁志强' }), surveyId },
        'coord',
      );
      const service = {
        category: '陪同就医',
        frequency: 'once',
        slot: 'morning',
        durationMinutes: minutes,
        people: 1,
        startDate: w.now() + 86_400_000,
      };
      const saved = await w.needs<{ planId: string }>(
        'savePlan',
        { recipientId, brigadeId: w.brigade.brigadeId, goals: '陪同复诊', services: [service] },
        'coord',
      );
      return { ...sent, planId: saved.planId };
    };
    const close = (planId: string) => w.needs('reviewPlan', { planId, note: '家属已自行陪同', close: true }, 'coord');

    const before = await balance('old');
    const undelivered = await plan(60);
    await close(undelivered.planId);
    expect(await balance('old')).toMatchObject({ balanceMinutes: before.balanceMinutes, heldMinutes: 0 });
    expect((await mine('old'))[0]).toMatchObject({
      status: 'cancelled',
      cancelReason: '服务计划已结案，未确认完成：家属已自行陪同',
    });

    const delivered = await plan(30);
    await tb('deliverRedemption', { redemptionId: delivered.redemptionId }, 'coord');
    await close(delivered.planId);
    expect(await balance('old')).toMatchObject({ balanceMinutes: before.balanceMinutes - 30, heldMinutes: 0 });
    expect((await mine('old'))[0]).toMatchObject({ status: 'delivered' });
    await expectBooksBalance(w);
  });
});

describe('the same requestId', () => {
  it('sent five times at once makes one redemption and holds the minutes once', async () => {
    const before = await balance('twin');
    const same = request({ minutes: 60 });
    const replies = await Promise.all([1, 2, 3, 4, 5].map(() => tb<Redeemed>('redeem', same, 'twin')));
    expect(new Set(replies.map((r) => r.redemptionId)).size).toBe(1);
    expect(replies.every((r) => r.status === 'open')).toBe(true);
    expect(await w.docs('redemptions', { requestId: same.requestId })).toHaveLength(1);
    expect(await balance('twin')).toMatchObject({ balanceMinutes: before.balanceMinutes - 60, heldMinutes: 60 });
    // Later, the same call answers with the redemption as it stands; other fields under that key are refused.
    expect(await tb<Redeemed>('redeem', same, 'twin')).toEqual({
      ...replies[0],
      balanceMinutes: before.balanceMinutes - 60,
    });
    expect(await refused('redeem', { ...same, minutes: 90 }, 'twin')).toMatchObject({ code: 'ALREADY_EXISTS' });
    await expectBooksBalance(w);
  });
});

describe('the balance never goes below zero', () => {
  it('refuses what exceeds it, also when redemptions race', async () => {
    const { balanceMinutes } = await balance('racer');
    expect(balanceMinutes).toBe(300);
    expect(await refused('redeem', request({ minutes: 330 }), 'racer')).toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: '余额不足：当前可兑换 300 分钟',
    });
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => call<Redeemed>(w.cloud, 'timebank', 'redeem', request({ minutes: 60 }), 'racer')),
    );
    const codes = replies.map((r) => (r.body.ok ? 'ok' : r.body.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(5);
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'FAILED_PRECONDITION')).toBe(true);
    expect(await balance('racer')).toMatchObject({ balanceMinutes: 0, heldMinutes: 300, earnedMinutes: 300 });
    await expectBooksBalance(w);
  });
});

describe('bad input and roles', () => {
  it.each([
    ['minutes not a multiple of 30', { minutes: 45 }, '30 分钟的整数倍'],
    ['too few minutes', { minutes: 0 }, '兑换时长'],
    ['an unknown category', { category: '代购' }, '服务类别'],
    ['no note', { note: '' }, '需求说明'],
    ['a note over 200 characters', { note: '陪'.repeat(201) }, '需求说明'],
    ['a name over 20 characters', { forName: '梁'.repeat(21) }, '家人姓名'],
    ['a bad requestId', { requestId: 'x' }, 'requestId'],
  ])('refuses %s with a clear message and writes nothing', async (_case, over, message) => {
    const before = await counts();
    const reply = await refused('redeem', request(over), 'vol');
    expect(reply).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining(message) });
    expect(await counts()).toEqual(before);
  });

  it('needs a registered volunteer, and only the owner or the town coordinator cancels', async () => {
    expect(await refused('redeem', request(), 'visitor')).toMatchObject({ code: 'UNAUTHENTICATED' });
    const sent = await tb<Redeemed>('redeem', request({ minutes: 30 }), 'vol');
    for (const openid of ['vol2', 'coord-east', 'leader']) {
      expect(
        await refused('cancelRedeem', { redemptionId: sent.redemptionId, reason: '不需要' }, openid),
      ).toMatchObject({
        code: 'PERMISSION_DENIED',
      });
      expect(await refused('deliverRedemption', { redemptionId: sent.redemptionId }, openid)).toMatchObject({
        code: 'PERMISSION_DENIED',
      });
    }
    expect((await balance('vol')).heldMinutes).toBe(30);
    expect(await refused('redeem', request({ minutes: 30 }), 'coord')).toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
  });
});

describe('privacy of the family member', () => {
  it('keeps the name encrypted at rest and shows it only to the owner and the coordinator', async () => {
    const sent = await tb<Redeemed>('redeem', request({ forName: '梁秀英', minutes: 30 }), 'vol');
    expect((await mine('vol'))[0]).toMatchObject({ redemptionId: sent.redemptionId, forName: '梁秀英' });
    const { surveyId } = await surveyOf(sent.redemptionId);
    expect((await survey('coord', surveyId)).household?.contactName).toBe('梁秀英');
    for (const collection of ['redemptions', 'surveys', 'ledger', 'accounts', 'outbox']) {
      expect(JSON.stringify(await w.docs(collection))).not.toContain('梁秀英');
    }
    for (const openid of ['vol2', 'coord-east', 'leader']) {
      expect(JSON.stringify(await call(w.cloud, 'needs', 'survey', { surveyId }, openid))).not.toContain('梁秀英');
      expect(JSON.stringify(await mine(openid))).not.toContain('梁秀英');
    }
  });
});
