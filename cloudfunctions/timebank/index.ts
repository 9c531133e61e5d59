/** Cloud function `timebank`: 义工时间银行 — service records, the double-entry ledger, donations, the service proof and 我的培训. */
import { defineFunction } from '../../server/handler';
import { adjust } from '../../server/timebank/adjust';
import { balance, ledgerPage } from '../../server/timebank/balance';
import { proof, verifyProof } from '../../server/timebank/proof';
import { record } from '../../server/timebank/record';
import { cancelRedeem, deliverRedemption, redeem, redemptions } from '../../server/timebank/redeem';
import { trainings } from '../../server/timebank/trainings';
import { transfer } from '../../server/timebank/transfer';

export const main = defineFunction('timebank', {
  actions: {
    record,
    adjust,
    balance,
    ledger: ledgerPage,
    transfer,
    proof,
    verifyProof,
    trainings,
    redeem,
    cancelRedeem,
    deliverRedemption,
    redemptions,
  },
});
