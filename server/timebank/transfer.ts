/**
 * timebank.transfer — a volunteer donates minutes to another by card number. One transaction reads the sender's
 * account, refuses beyond the balance, and posts the pair with both cached balances. The entries' ids come from
 * the (sender, requestId) key, so the same call repeated posts nothing and answers with the first receipt (naming
 * the first recipient); the same requestId with another card, amount or note is refused (ALREADY_EXISTS), naming
 * nobody.
 */
import type { TransferRequest } from '../../typings/api/timebank';
import type { LedgerEntry } from '../../typings/entities';
import { isDuplicateKey } from '../cloud';
import { alreadyExists, invalid, notFound, precondition } from '../errors';
import type { Action } from '../handler';
import * as accounts from '../repos/accounts';
import * as ledger from '../repos/ledger';
import { findByCardNo, type VolunteerDoc } from '../repos/volunteers';
import { canDebit, entryId, idempotency, type EntryDoc } from '../rules/ledger';
import { checkText } from '../security';
import { inTransaction } from '../transaction';
import { personLabel, toEntry } from './labels';
import { post } from './post';
import { transferInput } from './schema';

export const REQUEST_REUSED = '该请求编号已用于另一笔转赠，请返回重新发起';

/** The first result of this requestId: its receipt if the request is the same, a refusal if it differs. */
function repeated(doc: EntryDoc, input: TransferRequest, recipient: VolunteerDoc): LedgerEntry {
  const same =
    doc.counterpartyAccountId === accounts.volunteerAccountId(recipient._id) &&
    doc.minutes === -input.minutes &&
    (doc.note ?? '') === (input.note ?? '');
  if (!same) throw alreadyExists(REQUEST_REUSED);
  return toEntry(doc, personLabel(recipient));
}

async function earlier(key: string, input: TransferRequest, recipient: VolunteerDoc) {
  const doc = await ledger.findById(entryId(key, 'from'));
  return doc ? repeated(doc, input, recipient) : undefined;
}

export const transfer: Action<TransferRequest, LedgerEntry> = {
  access: 'volunteer',
  input: transferInput,
  async run(input, ctx) {
    const [sender, recipient] = await Promise.all([ctx.requireVolunteer(), findByCardNo(input.toCardNo)]);
    const key = idempotency.transfer(sender._id, input.requestId);
    if (!recipient) throw notFound('未找到该义工证号对应的义工，请核对后重试');
    if (recipient._id === sender._id) throw invalid('不能转赠给自己', { toCardNo: '不能转赠给自己' });
    // The recipient reads the note in their ledger: it passes the content check like any text others see.
    await checkText(ctx, { note: input.note });
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
          const first = await earlier(key, input, recipient);
          if (first) return first;
          throw precondition(`余额不足：当前可转赠 ${balance} 分钟`);
        }
        const movement = {
          idempotencyKey: key,
          kind: 'transfer' as const,
          from: { accountId: from },
          to: { accountId: to },
          minutes: input.minutes,
          at: now,
          ...(input.note ? { note: input.note } : {}),
        };
        const [sent] = await post(tx, [movement], [mine, theirs]);
        return toEntry(sent, personLabel(recipient));
      });
    } catch (error) {
      // The same requestId posted meanwhile (its entries' ids are taken): answer as a repeat.
      if (!isDuplicateKey(error)) throw error;
      const first = await earlier(key, input, recipient);
      if (!first) throw error;
      return first;
    }
  },
};
