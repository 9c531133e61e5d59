/** Cloud function `volunteers`: parse → authorize → route. Rules and data access live in server/. */
import { defineFunction } from '../../server/handler';
import { card, verifyCard } from '../../server/volunteers/card';
import { me } from '../../server/volunteers/me';
import { deleteMine, exportMine } from '../../server/volunteers/privacy';
import { register } from '../../server/volunteers/register';
import { resolveScene } from '../../server/volunteers/scene';
import { update } from '../../server/volunteers/update';

export const main = defineFunction('volunteers', {
  actions: { register, me, update, card, verifyCard, resolveScene, exportMine, deleteMine },
});
