/**
 * Cloud function `reminders`: `subscribe` records a one-time subscribe-message grant after
 * `wx.requestSubscribeMessage`; `templates` tells the page which templates to ask for; the timer trigger
 * (every 5 minutes) sends due reminders and queued notices through the outbox.
 */
import { defineFunction } from '../../server/handler';
import { runOptions, sendDue } from '../../server/reminders/dispatch';
import { subscribe, templates } from '../../server/reminders/subscribe';

export const main = defineFunction('reminders', {
  actions: { subscribe, templates },
  timer: (ctx, event) => sendDue(ctx, runOptions(event)),
});
