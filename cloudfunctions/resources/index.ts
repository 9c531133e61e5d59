/**
 * Cloud function `resources`: parse → authorize → route. The resource platform (资源平台): wishes, donors, goods
 * pledges, charity projects and the public board. Rules and data access live in server/. The hourly timer expires
 * wishes left unclaimed or unfulfilled.
 */
import { defineFunction } from '../../server/handler';
import { saveWish, reviewWish, wishes, wish, claimWish, fulfilWish, confirmWish } from '../../server/resources/wishes';
import { registerDonor, reviewDonor, donors, myDonor } from '../../server/resources/donors';
import { savePledge, pledges, matchPledge, handOverPledge, withdrawPledge } from '../../server/resources/pledges';
import { projects, project, saveProject } from '../../server/resources/projects';
import { board } from '../../server/resources/board';
import { expireWishes } from '../../server/resources/wishes-expiry';

export const main = defineFunction('resources', {
  actions: {
    saveWish,
    reviewWish,
    wishes,
    wish,
    claimWish,
    fulfilWish,
    confirmWish,
    registerDonor,
    reviewDonor,
    donors,
    myDonor,
    savePledge,
    pledges,
    matchPledge,
    handOverPledge,
    withdrawPledge,
    projects,
    project,
    saveProject,
    board,
  },
  timer: (ctx) => expireWishes(ctx),
});
