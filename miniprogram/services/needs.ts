import { service } from './client';

export const needs = service('needs', {
  saveRecipient: true,
  recipients: true,
  recipient: true,
  closeRecipient: true,
  saveSurvey: true,
  surveys: true,
  survey: true,
  dismissSurvey: true,
  savePlan: true,
  plans: true,
  plan: true,
  reviewPlan: true,
  addNote: true,
  match: true,
  assign: true,
  respond: true,
  mine: true,
  nearby: true,
  offerHelp: true,
});
