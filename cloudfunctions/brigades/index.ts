/** Cloud function `brigades`: parse → authorize → route. Rules and data access live in server/. */
import { get, list } from '../../server/brigades/browse';
import { list as coordinators, setCoordinator } from '../../server/brigades/coordinators';
import { list as groups, save as saveGroup } from '../../server/brigades/groups';
import { apply, invite, join, poster } from '../../server/brigades/invites';
import { create, setLeader, update } from '../../server/brigades/manage';
import { leave, members, review } from '../../server/brigades/members';
import { defineFunction } from '../../server/handler';

export const main = defineFunction('brigades', {
  actions: {
    create,
    update,
    list,
    get,
    invite,
    join,
    apply,
    members,
    review,
    setLeader,
    setCoordinator,
    coordinators,
    leave,
    groups,
    saveGroup,
    poster,
  },
});
