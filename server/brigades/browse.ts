/** brigades.list / get — public: anyone may see brigades and their leaders (names only, never contacts). */
import type { ListBrigadesRequest } from '../../typings/api/brigades';
import type { Brigade, MembershipStatus, Page } from '../../typings/entities';
import { TOWNS } from '../../typings/data';
import type { Action } from '../handler';
import { page as brigadePage, toBrigade } from '../repos/brigades';
import * as memberships from '../repos/memberships';
import { pageOf, pageSizeOf } from '../paging';
import { bool, id, oneOf, page, z } from '../schema';
import { leads, loadBrigade } from './access';

export const list: Action<ListBrigadesRequest, Page<Brigade>> = {
  access: 'anyone',
  input: z.object({ town: z.optional(oneOf('镇区', TOWNS)), mine: z.optional(bool('我的大队')), ...page }),
  async run(input, ctx) {
    const size = pageSizeOf(input.pageSize);
    let ids: string[] | undefined;
    if (input.mine) {
      const volunteer = await ctx.volunteer();
      if (!volunteer) return { items: [] };
      ids = (await memberships.ofVolunteer(volunteer._id)).map((m) => m.brigadeId);
      if (ids.length === 0) return { items: [] };
    }
    const rows = await brigadePage({ town: input.town, ids }, size, input.cursor);
    const { items, nextCursor } = pageOf(rows, size, 'createdAt');
    return { items: items.map(toBrigade), ...(nextCursor ? { nextCursor } : {}) };
  },
};

export const get: Action<{ brigadeId: string }, Brigade & { myStatus?: MembershipStatus; iLead: boolean }> = {
  access: 'anyone',
  input: z.object({ brigadeId: id('大队') }),
  async run(input, ctx) {
    const [brigade, volunteer] = await Promise.all([loadBrigade(input.brigadeId), ctx.volunteer()]);
    const membership = volunteer ? await memberships.find(brigade._id, volunteer._id) : undefined;
    return {
      ...toBrigade(brigade),
      ...(membership ? { myStatus: membership.status } : {}),
      iLead: leads(brigade, volunteer),
    };
  },
};
