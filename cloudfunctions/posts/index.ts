/** Cloud function `posts`: parse → authorize → route. Rules and data access live in server/. */
import { defineFunction } from '../../server/handler';
import { checkin, checkinCode, checkout, roster } from '../../server/posts/attendance';
import { get, list, mine, ofBrigade } from '../../server/posts/browse';
import { cancel, create, update } from '../../server/posts/manage';
import { poster } from '../../server/posts/poster';
import { signup, withdraw } from '../../server/posts/signup';

export const main = defineFunction('posts', {
  actions: {
    create,
    update,
    cancel,
    list,
    get,
    signup,
    withdraw,
    mine,
    ofBrigade,
    roster,
    checkinCode,
    checkin,
    checkout,
    poster,
  },
});
