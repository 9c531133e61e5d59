import { service } from './client';

export const resources = service('resources', {
  saveWish: true,
  reviewWish: true,
  wishes: true,
  wish: true,
  claimWish: true,
  fulfilWish: true,
  confirmWish: true,
  registerDonor: true,
  reviewDonor: true,
  donors: true,
  myDonor: true,
  savePledge: true,
  pledges: true,
  matchPledge: true,
  handOverPledge: true,
  withdrawPledge: true,
  projects: true,
  project: true,
  saveProject: true,
  board: true,
});
