import { service } from './client';

export const needs = service('needs', {
  saveRecipient: true,
  recipients: true,
  saveNeed: true,
  match: true,
  assign: true,
});
