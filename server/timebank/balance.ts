/** timebank.balance / ledger — the caller's own time-bank account and its entries, newest first. */
import type { BalanceResponse } from '../../typings/api/timebank';
import type { LedgerEntry, Page, PageRequest } from '../../typings/entities';
import type { Action } from '../handler';
import { pageOf, pageSizeOf } from '../paging';
import * as accounts from '../repos/accounts';
import * as ledger from '../repos/ledger';
import { none } from '../schema';
import { toEntries } from './labels';
import { heldMinutesOf } from './redeem';
import { ledgerInput } from './schema';

export const balance: Action<Record<string, never>, BalanceResponse> = {
  access: 'volunteer',
  input: none,
  async run(_input, ctx) {
    const me = await ctx.requireVolunteer();
    const account = await accounts.findById(accounts.volunteerAccountId(me._id));
    return {
      balanceMinutes: account?.balance ?? 0,
      earnedMinutes: account?.earned ?? 0,
      donatedMinutes: account?.donated ?? 0,
      receivedMinutes: account?.received ?? 0,
      // Kept on the volunteer, apart from the account: trainings are never credited.
      trainingMinutes: me.trainingMinutes ?? 0,
      heldMinutes: await heldMinutesOf(me._id),
    };
  },
};

export const ledgerPage: Action<PageRequest, Page<LedgerEntry>> = {
  access: 'volunteer',
  input: ledgerInput,
  async run(input, ctx) {
    const me = await ctx.requireVolunteer();
    const size = pageSizeOf(input.pageSize);
    const docs = await ledger.pageOfAccount(accounts.volunteerAccountId(me._id), size, input.cursor);
    const page = pageOf(docs, size, 'at');
    return { items: await toEntries(page.items), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  },
};
