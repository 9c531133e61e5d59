import { service } from './client';

export const timebank = service('timebank', {
  record: true,
  adjust: true,
  balance: true,
  ledger: true,
  transfer: true,
  proof: true,
  verifyProof: true,
  trainings: true,
  redeem: true,
  cancelRedeem: true,
  deliverRedemption: true,
  redemptions: true,
});
