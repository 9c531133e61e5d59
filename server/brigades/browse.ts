/**
 * brigades.list / get — public: anyone may see brigades and their leaders by name; get is the brigade's home
 * (home.ts: this year's figures, upcoming posts, recent photos) and adds the contact leader's masked number, in
 * full only for members, leaders and hq.
 */
import type { BrigadeDetail, ListBrigadesRequest } from '../../typings/api/brigades';
import type { Brigade, Page } from '../../typings/entities';
import { TOWNS } from '../../typings/data';
import type { Action } from '../handler';
import { page as brigadePage, toBrigade } from '../repos/brigades';
import * as memberships from '../repos/memberships';
import { pageOf, pageSizeOf } from '../paging';
import { piiKey } from '../pii';
import { contactFor } from '../rules/contact';
import { decrypt } from '../rules/pii';
import { bool, id, oneOf, page, z } from '../schema';
import { leads, loadBrigade } from './access';
import { homeOf } from './home';

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

export const get: Action<{ brigadeId: string }, BrigadeDetail> = {
  access: 'anyone',
  // A Moments single-page visitor has no identity and still sees it (contact details stay hidden).
  guest: true,
  input: z.object({ brigadeId: id('大队') }),
  async run(input, ctx) {
    const [brigade, volunteer, home] = await Promise.all([
      loadBrigade(input.brigadeId),
      ctx.volunteer(),
      homeOf(input.brigadeId, Date.now()),
    ]);
    const membership = volunteer ? await memberships.find(brigade._id, volunteer._id) : undefined;
    const iLead = leads(brigade, volunteer);
    const member = membership?.status === 'active';
    // hq is asked only when nothing else lets the caller call (one request at most).
    const hq = !!brigade.contact && !iLead && !member && (await ctx.isHq());
    const ties = { signedUp: false, member, leader: iLead, hq };
    const contact = contactFor(brigade.contact, ties, (enc) => decrypt(enc, piiKey(ctx)));
    return {
      ...toBrigade(brigade),
      ...(membership ? { myStatus: membership.status } : {}),
      iLead,
      ...(contact ? { contact } : {}),
      ...home,
    };
  },
};
