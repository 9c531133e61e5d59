/** Cloud function `reminders`: parse → authorize → route. Its actions land with their feature issue. */
import { defineFunction } from '../../server/handler';

export const main = defineFunction('reminders', { actions: {} });
