/**
 * Cloud function `needs`: parse → authorize → route. Rules and data access live in server/. The hourly timer
 * expires offers unanswered for 48 h and offers the service to the next candidate; once a day it also tops up the
 * rolling window of visits of every open plan.
 */
import { defineFunction } from '../../server/handler';
import { assign, match, respond } from '../../server/needs/matching';
import { expireOffers } from '../../server/needs/offers';
import { topUpVisits } from '../../server/needs/visits';
import { addNote, plan, plans, reviewPlan, savePlan } from '../../server/needs/plans';
import { closeRecipient, recipient, recipients, saveRecipient } from '../../server/needs/recipients';
import { dismissSurvey, saveSurvey, survey, surveys } from '../../server/needs/surveys';
import { mine, nearby, offerHelp } from '../../server/needs/volunteer-side';

export const main = defineFunction('needs', {
  actions: {
    saveRecipient,
    recipients,
    recipient,
    closeRecipient,
    saveSurvey,
    surveys,
    survey,
    dismissSurvey,
    savePlan,
    plans,
    plan,
    reviewPlan,
    addNote,
    match,
    assign,
    respond,
    mine,
    nearby,
    offerHelp,
  },
  timer: async (ctx) => ({ ...(await expireOffers(ctx)), visits: await topUpVisits(ctx, Date.now()) }),
});
