// Under concurrency: the same record twice credits once, transfers never overdraw, and after a randomized
// workload of records, adjustments, transfers and redemptions (with their returns) the books balance to the minute.
import type { BalanceResponse, RecordResponse } from '../../typings/api/timebank';
import type { Envelope } from '../../typings/errors';
import { seededRandom } from '../helpers/random';
import { call, ok } from './helpers';
import { expectBooksBalance, timebankWorld, type TimebankWorld } from './timebank-world';

let w: TimebankWorld;
const id = (openid: string) => w.people[openid].volunteerId;
const balance = (openid: string) => ok<BalanceResponse>(w.cloud, 'timebank', 'balance', {}, openid);
const PEOPLE = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
const SEED = Number(process.env.TIMEBANK_SEED ?? Date.now() % 100_000);

beforeAll(async () => {
  console.log(`timebank workload seed ${SEED} (TIMEBANK_SEED=${SEED} to repeat)`);
  w = await timebankWorld();
  for (const p of PEOPLE) await w.register(p, { name: `义工${p}` });
}, 60_000);
afterAll(() => w.cloud.stop());

describe('the same record sent twice at once', () => {
  it('credits once; the other call counts it unchanged', async () => {
    const post = await w.served(['p0', 'p1']);
    const request = {
      postId: post.postId,
      entries: [
        { volunteerId: id('p0'), rating: 5 },
        { volunteerId: id('p1'), rating: 4, minutes: 75 },
      ],
    };
    const replies = await Promise.all(
      Array.from({ length: 4 }, () => call<RecordResponse>(w.cloud, 'timebank', 'record', request, 'leader')),
    );
    const results = replies.map((r) => (r.body as { ok: true; data: RecordResponse }).data);
    expect(replies.every((r) => r.body.ok)).toBe(true);
    expect(results.map((r) => r.recorded).sort()).toEqual([0, 0, 0, 2]);
    expect(results.every((r) => r.recorded + r.unchanged === 2)).toBe(true);
    expect((await balance('p0')).balanceMinutes).toBe(60);
    expect((await balance('p1')).balanceMinutes).toBe(75);
    await expectBooksBalance(w);
  });
});

describe('concurrent transfers from one account', () => {
  it('never overdraw: exactly as many succeed as the balance allows', async () => {
    // p0 holds 60 minutes; twelve donations of 10 race for them.
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(
          w.cloud,
          'timebank',
          'transfer',
          { toCardNo: w.people[PEOPLE[1 + (i % 5)]].cardNo, minutes: 10, requestId: `race-${i}-xxxxxx` },
          'p0',
        ),
      ),
    );
    const codes = replies.map((r) => (r.body.ok ? 'ok' : (r.body as { code: string }).code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(6);
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'FAILED_PRECONDITION')).toBe(true);
    expect(await balance('p0')).toMatchObject({ balanceMinutes: 0, donatedMinutes: 60, earnedMinutes: 60 });
    await expectBooksBalance(w);
  });

  it('the same requestId sent at once posts once', async () => {
    const request = { toCardNo: w.people.p0.cardNo, minutes: 5, requestId: 'same-request-01' };
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => call<{ entryId: string }>(w.cloud, 'timebank', 'transfer', request, 'p1')),
    );
    const ids = replies.map((r) => (r.body as { ok: true; data: { entryId: string } }).data.entryId);
    expect(new Set(ids).size).toBe(1);
    expect((await balance('p0')).balanceMinutes).toBe(5);
    await expectBooksBalance(w);
  });
});

describe('a randomized concurrent workload', () => {
  it('keeps every movement at zero and every cached balance equal to its entries', async () => {
    const random = seededRandom(SEED);
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const posts = [await w.served(PEOPLE.slice(0, 4)), await w.served(PEOPLE.slice(2))];
    const roster = (postIndex: number) => (postIndex === 0 ? PEOPLE.slice(0, 4) : PEOPLE.slice(2));
    // Some balance to redeem from before the race: p0–p3 bank 90 minutes each.
    await ok(
      w.cloud,
      'timebank',
      'record',
      { postId: posts[0].postId, entries: roster(0).map((p) => ({ volunteerId: id(p), rating: 5, minutes: 90 })) },
      'leader',
    );
    const calls: Promise<{ body: Envelope<unknown> }>[] = [];
    const redeemed: Promise<{ body: Envelope<{ redemptionId: string }> }>[] = [];
    for (let i = 0; i < 40; i += 1) {
      const kind = pick(['record', 'record', 'adjust', 'transfer', 'transfer', 'redeem', 'redeem']);
      const postIndex = pick([0, 1]);
      const person = pick(roster(postIndex));
      if (kind === 'record') {
        const entries = roster(postIndex)
          .filter(() => random() < 0.6)
          .map((p) => ({
            volunteerId: id(p),
            rating: 1 + Math.floor(random() * 5),
            minutes: 30 + Math.floor(random() * 90),
          }));
        if (entries.length)
          calls.push(call(w.cloud, 'timebank', 'record', { postId: posts[postIndex].postId, entries }, 'leader'));
      } else if (kind === 'adjust') {
        calls.push(
          call(
            w.cloud,
            'timebank',
            'adjust',
            {
              postId: posts[postIndex].postId,
              volunteerId: id(person),
              minutes: Math.floor(random() * 150),
              rating: 1 + Math.floor(random() * 5),
              reason: '随机更正',
              requestId: `random-adjust-${i}`,
            },
            'leader',
          ),
        );
      } else if (kind === 'redeem') {
        const request = {
          minutes: 30 * (1 + Math.floor(random() * 3)),
          category: '陪同就医',
          note: '随机兑换',
          requestId: `random-redeem-${i}`,
        };
        const reply = call<{ redemptionId: string }>(w.cloud, 'timebank', 'redeem', request, person);
        calls.push(reply);
        redeemed.push(reply);
      } else {
        const to = pick(PEOPLE.filter((p) => p !== person));
        calls.push(
          call(
            w.cloud,
            'timebank',
            'transfer',
            { toCardNo: w.people[to].cardNo, minutes: 1 + Math.floor(random() * 40), requestId: `random-gift-${i}` },
            person,
          ),
        );
      }
    }
    // While the rest races, half of the redemptions that went through are cancelled again (minutes returned).
    const returns = (await Promise.all(redeemed)).flatMap((r, i) =>
      r.body.ok && i % 2 === 0 ? [r.body.data.redemptionId] : [],
    );
    const owners = await w.docs<{ _id: string; volunteerId: string }>('redemptions');
    const openidOf = (volunteerId: string) => PEOPLE.find((p) => id(p) === volunteerId) as string;
    for (const redemptionId of returns) {
      const owner = owners.find((r) => r._id === redemptionId)?.volunteerId as string;
      calls.push(call(w.cloud, 'timebank', 'cancelRedeem', { redemptionId }, openidOf(owner)));
    }
    const replies = await Promise.all(calls);
    const codes = replies.map((r) => (r.body.ok ? 'ok' : r.body.code));
    // Only definite answers: successes or the refusals the rules call for — never a conflict or an internal error.
    expect(codes.filter((c) => !['ok', 'FAILED_PRECONDITION', 'NOT_FOUND'].includes(c))).toEqual([]);
    expect(codes.filter((c) => c === 'ok').length).toBeGreaterThan(10);
    const { accounts } = await expectBooksBalance(w);
    // The redemption account holds exactly the redemptions still open; each volunteer's held minutes are theirs.
    const redemptions = await w.docs<{ volunteerId: string; minutes: number; status: string }>('redemptions');
    const open = redemptions.filter((r) => r.status === 'open');
    console.log(`redemptions: ${redemptions.length} made, ${returns.length} cancelled`);
    expect(redemptions.length).toBeGreaterThan(0);
    expect(redemptions.filter((r) => r.status === 'cancelled')).toHaveLength(returns.length);
    const held = accounts.find((a) => a._id === 'bank:redemption')?.balance ?? 0;
    expect(held).toBe(open.reduce((s, r) => s + r.minutes, 0));
    for (const p of PEOPLE) {
      const mine = open.filter((r) => r.volunteerId === id(p)).reduce((s, r) => s + r.minutes, 0);
      expect({ p, held: (await balance(p)).heldMinutes }).toEqual({ p, held: mine });
    }
    // Each volunteer's earned minutes equal their service records' minutes (transfers and redemptions never count).
    const records = await w.docs<{ volunteerId: string; minutes: number; status: string }>('service_records');
    const volunteers = await w.docs<{ _id: string; earnedMinutes: number }>('volunteers');
    for (const v of volunteers) {
      const served = records.filter((r) => r.volunteerId === v._id).reduce((s, r) => s + r.minutes, 0);
      expect({ v: v._id, earned: v.earnedMinutes }).toEqual({ v: v._id, earned: served });
      const account = accounts.find((a) => a._id === `volunteer:${v._id}`);
      // An account exists once minutes moved; with none, nothing was earned (and served must then be 0 too).
      expect({ v: v._id, earned: account?.earned ?? 0 }).toEqual({ v: v._id, earned: served });
    }
  }, 60_000);
});
