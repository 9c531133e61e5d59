/** Cloud function `volunteers`: parse → authorize → route. Rules and data access live in server/. */
import { defineFunction } from '../../server/handler';
import { me } from '../../server/volunteers/me';

export const main = defineFunction('volunteers', { actions: { me } });
