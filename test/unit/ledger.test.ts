// Double-entry rules: a movement is a pair that sums to zero, identified by its idempotency key and side.
import { canDebit, entriesOf, idempotency, sumOf, writeOffOf } from '../../server/rules/ledger';

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
