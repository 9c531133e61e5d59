// Double-entry rules: a movement is a pair that sums to zero, identified by its idempotency key and side.
import {
  accountChanges,
  canDebit,
  entriesOf,
  idempotency,
  REDEMPTION_ACCOUNT,
  SPENT_ACCOUNT,
  sumOf,
  writeOffOf,
  type Movement,
} from '../../server/rules/ledger';
import { minutesProblem } from '../../server/rules/redemption';

const base = {
  idempotencyKey: idempotency.credit('post1:vol1'),
  kind: 'credit' as const,
  from: { accountId: 'brigade:b1', label: '石岐博爱大队' },
  to: { accountId: 'volunteer:vol1' },
  minutes: 90,
  at: 1,
};

describe('entriesOf', () => {
  it('makes a pair that sums to zero, each naming the other side', () => {
    const [from, to] = entriesOf(base);
    expect(sumOf([from, to])).toBe(0);
    expect(from).toMatchObject({
      accountId: 'brigade:b1',
      minutes: -90,
      side: 'from',
      counterpartyAccountId: 'volunteer:vol1',
    });
    expect(to).toMatchObject({ accountId: 'volunteer:vol1', minutes: 90, side: 'to', counterparty: '石岐博爱大队' });
    expect(from).not.toHaveProperty('counterparty');
    expect(from.movementId).toBe(to.movementId);
  });

  it('derives the entry ids from the idempotency key, so a repeat cannot post twice', () => {
    const [a1, b1] = entriesOf(base);
    const [a2, b2] = entriesOf({ ...base, at: 2 });
    expect([a1._id, b1._id]).toEqual([a2._id, b2._id]);
    expect(a1._id).not.toBe(b1._id);
  });

  it.each([0, -5, 1.5])('refuses %p minutes', (minutes) => {
    expect(() => entriesOf({ ...base, minutes })).toThrow(RangeError);
  });

  it('refuses a movement within one account', () => {
    expect(() => entriesOf({ ...base, to: { accountId: 'brigade:b1' } })).toThrow(RangeError);
  });
});

describe('balances', () => {
  it('never lets a balance go below zero', () => {
    expect(canDebit(60, 60)).toBe(true);
    expect(canDebit(60, 61)).toBe(false);
  });

  it('writes off only what a correction cannot take back from the balance', () => {
    expect(writeOffOf(100, -90)).toBe(0);
    expect(writeOffOf(10, -90)).toBe(80);
    expect(writeOffOf(0, -90)).toBe(90);
    expect(writeOffOf(0, 30)).toBe(0);
  });

  it('scopes transfer keys to the sender', () => {
    expect(idempotency.transfer('a', 'req-1')).not.toBe(idempotency.transfer('b', 'req-1'));
  });
});

describe('accountChanges (what one posting does to the cached figures)', () => {
  const brigade = { accountId: 'brigade:b1', label: '石岐博爱大队' };
  const vol = (id: string) => ({ accountId: `volunteer:${id}` });
  const at = 1;

  it("a credit moves the balance of both sides and the volunteer's earned minutes", () => {
    expect(Object.fromEntries(accountChanges([base]))).toEqual({
      'brigade:b1': { balance: -90 },
      'volunteer:vol1': { balance: 90, earned: 90 },
    });
  });

  it('a transfer moves the balances, donated and received, never earned', () => {
    const transfer: Movement = {
      idempotencyKey: idempotency.transfer('a', 'r1'),
      kind: 'transfer',
      from: vol('a'),
      to: vol('b'),
      minutes: 30,
      at,
    };
    expect(Object.fromEntries(accountChanges([transfer]))).toEqual({
      'volunteer:a': { balance: -30, donated: 30 },
      'volunteer:b': { balance: 30, received: 30 },
    });
  });

  it('a correction nets per account; its write-off moves the balance only; untouched accounts are left out', () => {
    const key = (part: 'reverse' | 'new' | 'writeoff') => idempotency.adjust('p:v', 'r1', part);
    const adjust = { kind: 'adjustment' as const, at };
    const movements: Movement[] = [
      { ...adjust, idempotencyKey: key('reverse'), from: vol('v'), to: brigade, minutes: 120 },
      { ...adjust, idempotencyKey: key('new'), from: brigade, to: vol('v'), minutes: 30 },
      { ...adjust, idempotencyKey: key('writeoff'), from: brigade, to: vol('v'), minutes: 70, writeOff: true },
    ];
    expect(Object.fromEntries(accountChanges(movements))).toEqual({
      'volunteer:v': { balance: -20, earned: -90 },
      'brigade:b1': { balance: 20 },
    });
    const same = movements.slice(0, 1).concat({ ...movements[1], minutes: 120 });
    expect(Object.fromEntries(accountChanges(same))).toEqual({});
  });

  it('keeps every cached balance equal to its entries, and the books at zero, for random postings', () => {
    const seed = Number(process.env.LEDGER_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`accountChanges property test: LEDGER_SEED=${seed}`);
    let state = seed;
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    const parties = [brigade, { accountId: 'brigade:b2', label: '东区大队' }, vol('a'), vol('b'), vol('c')];
    const kinds = ['credit', 'transfer', 'adjustment', 'redemption', 'redemption-return'] as const;
    for (let round = 0; round < 200; round += 1) {
      const movements = Array.from({ length: 1 + next(6) }, (_, i): Movement => {
        const from = parties[next(parties.length)];
        const to = parties.filter((p) => p !== from)[next(parties.length - 1)];
        const kind = kinds[next(kinds.length)];
        const writeOff = kind === 'adjustment' && next(2) === 0;
        return {
          idempotencyKey: `k${i}`,
          kind,
          from,
          to,
          minutes: 1 + next(600),
          at,
          ...(writeOff ? { writeOff } : {}),
        };
      });
      const changes = accountChanges(movements);
      const entries = movements.flatMap(entriesOf);
      for (const { accountId } of parties) {
        const held = sumOf(entries.filter((e) => e.accountId === accountId));
        expect(changes.get(accountId)?.balance ?? 0).toBe(held);
        if (accountId.startsWith('brigade:')) expect(Object.keys(changes.get(accountId) ?? {})).not.toContain('earned');
        // Redemptions and returns never touch earned minutes: what a volunteer earned is credits and corrections.
        const earning = movements.filter((m) => (m.kind === 'credit' || m.kind === 'adjustment') && !m.writeOff);
        const earned = sumOf(earning.flatMap(entriesOf).filter((e) => e.accountId === accountId));
        if (accountId.startsWith('volunteer:')) expect(changes.get(accountId)?.earned ?? 0).toBe(earned);
      }
      expect(sumOf([...changes.values()].map((c) => ({ minutes: c.balance ?? 0 })))).toBe(0);
    }
  });

  it('a redemption, its return and its delivery move balances only, never earned, donated or received', () => {
    const redeem: Movement = {
      idempotencyKey: idempotency.redeem('a', 'r1'),
      kind: 'redemption',
      from: vol('a'),
      to: { accountId: REDEMPTION_ACCOUNT, label: '时间银行兑换' },
      minutes: 60,
      at,
    };
    expect(Object.fromEntries(accountChanges([redeem]))).toEqual({
      'volunteer:a': { balance: -60 },
      [REDEMPTION_ACCOUNT]: { balance: 60 },
    });
    const back: Movement = {
      ...redeem,
      idempotencyKey: idempotency.settle('rd1', 'return'),
      kind: 'redemption-return',
      from: redeem.to,
      to: vol('a'),
    };
    expect(Object.fromEntries(accountChanges([redeem, back]))).toEqual({});
    const spent: Movement = { ...back, kind: 'redemption-spent', to: { accountId: SPENT_ACCOUNT } };
    expect(Object.fromEntries(accountChanges([redeem, spent]))).toEqual({
      'volunteer:a': { balance: -60 },
      [SPENT_ACCOUNT]: { balance: 60 },
    });
  });

  it('a random sequence of credits, transfers, corrections and redemptions keeps the books and the holds', () => {
    const seed = Number(process.env.LEDGER_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`redemption workload: LEDGER_SEED=${seed}`);
    let state = seed ^ 0x5bd1e995;
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    const people = ['a', 'b', 'c'];
    const cached = new Map<string, { balance: number; earned: number }>();
    const figure = (id: string) => cached.get(id) ?? { balance: 0, earned: 0 };
    const open = new Map<string, { who: string; minutes: number }>();
    const entries: ReturnType<typeof entriesOf>[number][] = [];
    let credited = 0;
    const apply = (m: Movement) => {
      entries.push(...entriesOf(m));
      for (const [id, change] of accountChanges([m])) {
        const f = figure(id);
        cached.set(id, { balance: f.balance + (change.balance ?? 0), earned: f.earned + (change.earned ?? 0) });
      }
    };
    for (let step = 0; step < 2000; step += 1) {
      const who = people[next(people.length)];
      const mine = vol(who);
      const key = `s${step}`;
      const minutes = 30 * (1 + next(6));
      const op = next(6);
      if (op === 0) {
        apply({ idempotencyKey: key, kind: 'credit', from: brigade, to: mine, minutes: 1 + next(120), at });
        credited += 1;
      } else if (op === 1 && figure(mine.accountId).balance > 0) {
        const to = vol(people.filter((p) => p !== who)[next(people.length - 1)]);
        const amount = 1 + next(figure(mine.accountId).balance);
        apply({ idempotencyKey: key, kind: 'transfer', from: mine, to, minutes: amount, at });
      } else if (op === 2) {
        apply({ idempotencyKey: key, kind: 'adjustment', from: brigade, to: mine, minutes: 1 + next(30), at });
      } else if (op === 3) {
        // A redemption is refused unless whole half hours within the balance: never below zero.
        if (minutesProblem(minutes, figure(mine.accountId).balance)) continue;
        const to = { accountId: REDEMPTION_ACCOUNT };
        apply({ idempotencyKey: key, kind: 'redemption', from: mine, to, minutes, at });
        open.set(key, { who, minutes });
      } else if (open.size > 0) {
        const [id, r] = [...open][next(open.size)];
        const back = op === 4;
        apply({
          idempotencyKey: idempotency.settle(id, back ? 'return' : 'spent'),
          kind: back ? 'redemption-return' : 'redemption-spent',
          from: { accountId: REDEMPTION_ACCOUNT },
          to: back ? vol(r.who) : { accountId: SPENT_ACCOUNT },
          minutes: r.minutes,
          at,
        });
        open.delete(id);
      }
      for (const p of people) expect(figure(`volunteer:${p}`).balance).toBeGreaterThanOrEqual(0);
    }
    expect(credited).toBeGreaterThan(0);
    expect(sumOf(entries)).toBe(0);
    for (const [id, f] of cached) expect(f.balance).toBe(sumOf(entries.filter((e) => e.accountId === id)));
    // The redemption account holds exactly the open redemptions; earned counts only credits and corrections.
    const held = [...open.values()].reduce((s, r) => s + r.minutes, 0);
    expect(figure(REDEMPTION_ACCOUNT).balance).toBe(held);
    for (const p of people) {
      const earning = entries.filter(
        (e) => e.accountId === `volunteer:${p}` && (e.kind === 'credit' || e.kind === 'adjustment'),
      );
      expect(figure(`volunteer:${p}`).earned).toBe(sumOf(earning));
    }
  });
});
