/**
 * timebank.transfer — a volunteer donates minutes to another by card number. One transaction reads the sender's
 * account, refuses beyond the balance, and posts the pair with both cached balances. The entries' ids come from
 * the (sender, requestId) key, so the same call repeated posts nothing and answers with the first result.
 */
import type { TransferRequest } from '../../typings/api/timebank';
import type { LedgerEntry } from '../../typings/entities';
import { isDuplicateKey } from '../cloud';
import { invalid, notFound, precondition } from '../errors';
import type { Action } from '../handler';
import * as accounts from '../repos/accounts';
import * as ledger from '../repos/ledger';
import { findByCardNo, type VolunteerDoc } from '../repos/volunteers';
import { canDebit, entriesOf, entryId, idempotency } from '../rules/ledger';
import { inTransaction } from '../transaction';
import { personLabel, toEntry } from './labels';
import { transferInput } from './schema';

async function earlier(key: string, recipient: VolunteerDoc): Promise<LedgerEntry | undefined> {
  const doc = await ledger.findById(entryId(key, 'from'));
  return doc ? toEntry(doc, personLabel(recipient)) : undefined;
}

export const transfer: Action<TransferRequest, LedgerEntry> = {
  access: 'volunteer',
  input: transferInput,
  async run(input, ctx) {
    const [sender, recipient] = await Promise.all([ctx.requireVolunteer(), findByCardNo(input.toCardNo)]);
    if (!recipient) throw notFound('未找到该义工证号对应的义工，请核对后重试');
    if (recipient._id === sender._id) throw invalid('不能转赠给自己', { toCardNo: '不能转赠给自己' });
    const key = idempotency.transfer(sender._id, input.requestId);
    const from = accounts.volunteerAccountId(sender._id);
    const to = accounts.volunteerAccountId(recipient._id);
    try {
      return await inTransaction(async (tx) => {
        const now = Date.now();
        const [mine, theirs] = await Promise.all([
          accounts.getInTransaction(tx, from),
          accounts.getInTransaction(tx, to),
        ]);
        const balance = mine?.balance ?? 0;
        if (!canDebit(balance, input.minutes)) {
          const first = await earlier(key, recipient);
          if (first) return first;
          throw precondition(`余额不足：当前可转赠 ${balance} 分钟`);
        }
        const pair = entriesOf({
          idempotencyKey: key,
          kind: 'transfer',
          from: { accountId: from },
          to: { accountId: to },
          minutes: input.minutes,
          at: now,
          ...(input.note ? { note: input.note } : {}),
        });
        await Promise.all([
          ...pair.map((e) => ledger.insertInTransaction(tx, e)),
          accounts.applyInTransaction(tx, from, !!mine, { balance: -input.minutes, donated: input.minutes }, now),
          accounts.applyInTransaction(tx, to, !!theirs, { balance: input.minutes, received: input.minutes }, now),
        ]);
        return toEntry(pair[0], personLabel(recipient));
      });
    } catch (error) {
      // The same requestId already posted (its entries' ids are taken): answer with the first result.
      if (!isDuplicateKey(error)) throw error;
      const first = await earlier(key, recipient);
      if (!first) throw error;
      return first;
    }
  },
};
