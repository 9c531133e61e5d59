// The two entries of a movement exactly as stored, the errors a bad movement gets, sums of any entries and the
// idempotency keys (money-like rules: every field here is what the 明细 list and the books read back).
import { entriesOf, entryId, idempotency, sumOf } from '../../server/rules/ledger';

const transfer = {
  idempotencyKey: idempotency.transfer('vol1', 'req-9'),
  kind: 'transfer' as const,
  from: { accountId: 'volunteer:vol1' },
  to: { accountId: 'volunteer:vol2' },
  minutes: 30,
  at: 1_700_000_000_000,
  note: '谢谢照顾我妈妈',
};

describe('entriesOf stores', () => {
  it('both sides with every field of the movement, and nothing personal', () => {
    expect(entriesOf(transfer)).toEqual([
      {
        _id: 'transfer:vol1:req-9:from',
        movementId: 'transfer:vol1:req-9',
        idempotencyKey: 'transfer:vol1:req-9',
        side: 'from',
        accountId: 'volunteer:vol1',
        kind: 'transfer',
        minutes: -30,
        counterpartyAccountId: 'volunteer:vol2',
        at: 1_700_000_000_000,
        note: '谢谢照顾我妈妈',
      },
      {
        _id: 'transfer:vol1:req-9:to',
        movementId: 'transfer:vol1:req-9',
        idempotencyKey: 'transfer:vol1:req-9',
        side: 'to',
        accountId: 'volunteer:vol2',
        kind: 'transfer',
        minutes: 30,
        counterpartyAccountId: 'volunteer:vol1',
        at: 1_700_000_000_000,
        note: '谢谢照顾我妈妈',
      },
    ]);
  });

  it('the post, the record and the brigade label of a credit', () => {
    const [from, to] = entriesOf({
      idempotencyKey: idempotency.credit('rec-1'),
      kind: 'credit',
      from: { accountId: 'brigade:b1', label: '石岐博爱大队' },
      to: { accountId: 'volunteer:vol1', label: '不应出现' },
      minutes: 90,
      at: 5,
      postId: 'post-1',
      recordId: 'rec-1',
    });
    expect(from).toMatchObject({ _id: 'credit:rec-1:from', postId: 'post-1', recordId: 'rec-1' });
    expect(to).toMatchObject({ _id: 'credit:rec-1:to', postId: 'post-1', recordId: 'rec-1' });
    expect(to.counterparty).toBe('石岐博爱大队');
    expect(from.counterparty).toBe('不应出现');
    expect(from).not.toHaveProperty('note');
  });
});

describe('entriesOf refuses', () => {
  it('minutes that are not a positive whole number, and one account on both sides, saying why', () => {
    expect(() => entriesOf({ ...transfer, minutes: 0 })).toThrow('minutes must be a positive integer');
    expect(() => entriesOf({ ...transfer, to: transfer.from })).toThrow('a movement needs two different accounts');
  });
});

describe('sumOf', () => {
  it('adds signed minutes', () => {
    expect(sumOf([{ minutes: 10 }, { minutes: 20 }, { minutes: -5 }])).toBe(25);
    expect(sumOf([])).toBe(0);
  });
});

describe('idempotency keys', () => {
  it('name the record, the request and the part', () => {
    expect(idempotency.credit('rec-1')).toBe('credit:rec-1');
    expect(idempotency.adjust('rec-1', 'req-2', 'reverse')).toBe('adjust:rec-1:req-2:reverse');
    expect(idempotency.adjust('rec-1', 'req-2', 'new')).toBe('adjust:rec-1:req-2:new');
    expect(idempotency.transfer('vol1', 'req-3')).toBe('transfer:vol1:req-3');
    expect(entryId('k', 'to')).toBe('k:to');
  });
});
