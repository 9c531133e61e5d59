/**
 * brigades.members / review / leave. Contact details: a brigade's leaders see its members' mobiles in full
 * (they organise the service); everyone else, hq included, sees them masked.
 */
import type { ListedMember, MembersRequest, ReviewRequest } from '../../typings/api/brigades';
import { SLOTS, SPECIALTIES, TOWNS } from '../../typings/data';
import type { Membership, MembershipStatus, Page } from '../../typings/entities';
import { notFound, precondition } from '../errors';
import type { Action } from '../handler';
import { pageOf, pageSizeOf } from '../paging';
import { piiKey } from '../pii';
import { queueApprovedNotice } from '../reminders/notices';
import { addMembers } from '../repos/brigades';
import * as memberships from '../repos/memberships';
import { findByIds, setBrigadeRole } from '../repos/volunteers';
import { facetsOf, slotKeysFor } from '../rules/member-facets';
import { decrypt } from '../rules/pii';
import { bool, id, int, oneOf, optionalText, page, z } from '../schema';
import { loadBrigade, requireLeaderOf } from './access';

const toMembership = (m: memberships.MembershipDoc): Membership => ({
  brigadeId: m.brigadeId,
  volunteerId: m.volunteerId,
  status: m.status,
  joinedAt: m.joinedAt,
});

export const members: Action<MembersRequest, Page<ListedMember>> = {
  access: 'anyone',
  input: z.object({
    brigadeId: id('大队'),
    status: z.optional(oneOf('状态', ['active', 'pending', 'rejected', 'left'] as const)),
    specialty: z.optional(oneOf('专长', SPECIALTIES)),
    town: z.optional(oneOf('镇区', TOWNS)),
    community: optionalText('社区', 30),
    weekday: z.optional(int('星期', 0, 6)),
    slot: z.optional(oneOf('时段', SLOTS)),
    ...page,
  }),
  async run(input, ctx) {
    const { brigade, asLeader } = await requireLeaderOf(ctx, input.brigadeId, true);
    const size = pageSizeOf(input.pageSize);
    const rows = await memberships.page(brigade._id, input.status, size, input.cursor, {
      specialty: input.specialty,
      town: input.town,
      community: input.community,
      slots: slotKeysFor(input.weekday, input.slot),
    });
    const { items, nextCursor } = pageOf(rows, size, 'joinedAt');
    const people = new Map((await findByIds(items.map((m) => m.volunteerId))).map((v) => [v._id, v]));
    // Memberships made before facets were copied get them here, from the profiles this page reads anyway: the
    // unfiltered list a leader opens first fills its page (at most one write per such row, once ever), and every
    // profile save refreshes them all. A filter cannot find a member until then, so no backfill job is needed.
    await Promise.all(
      items.flatMap((m) => {
        const person = people.get(m.volunteerId);
        return m.specialties === undefined && person ? [memberships.fillFacets(m._id, facetsOf(person))] : [];
      }),
    );
    const key = asLeader ? piiKey(ctx) : undefined;
    return {
      items: items.map((m) => {
        const person = people.get(m.volunteerId);
        // In full only to the brigade's leaders, and only for those who belong to it (not applicants or leavers).
        const full = key && m.status === 'active';
        const mobile = person ? (full ? decrypt(person.mobileEnc, key) : person.mobileMasked) : '';
        const facets = m.specialties === undefined && person ? facetsOf(person) : m;
        return {
          volunteerId: m.volunteerId,
          name: m.name,
          cardNo: m.cardNo,
          mobile,
          status: m.status,
          joinedAt: m.joinedAt,
          specialties: facets.specialties ?? [],
          town: facets.town ?? brigade.town,
          ...(facets.community ? { community: facets.community } : {}),
        };
      }),
      ...(nextCursor ? { nextCursor } : {}),
    };
  },
};

export const review: Action<ReviewRequest, Membership> = {
  access: 'volunteer',
  input: z.object({ brigadeId: id('大队'), volunteerId: id('义工'), approve: bool('审核结果') }),
  async run(input, ctx) {
    const { brigade } = await requireLeaderOf(ctx, input.brigadeId);
    const membership = await memberships.find(brigade._id, input.volunteerId);
    if (!membership) throw notFound('没有找到该入队申请');
    const status: MembershipStatus = input.approve ? 'active' : 'rejected';
    if (membership.status === status) return toMembership(membership);
    if (membership.status !== 'pending') throw precondition('该申请已处理');
    const now = Date.now();
    // Two leaders reviewing at once: only the first transition counts the member.
    if (!(await memberships.transition(membership._id, ['pending'], { status, reviewedAt: now }))) {
      return toMembership({
        ...membership,
        status: (await memberships.find(brigade._id, input.volunteerId))?.status ?? status,
      });
    }
    const role = { name: brigade.name, status, leader: brigade.leaderIds.includes(input.volunteerId) };
    await setBrigadeRole(input.volunteerId, brigade._id, status === 'active' ? role : null);
    if (status === 'active')
      await Promise.all([addMembers(brigade._id, 1), queueApprovedNotice(ctx, brigade, membership._id)]);
    ctx.log.info('membership-reviewed', { brigadeId: brigade._id, volunteerId: input.volunteerId, status });
    return toMembership({ ...membership, status });
  },
};

export const leave: Action<{ brigadeId: string }, Membership> = {
  access: 'volunteer',
  input: z.object({ brigadeId: id('大队') }),
  async run(input, ctx) {
    const volunteer = await ctx.requireVolunteer();
    const brigade = await loadBrigade(input.brigadeId);
    if (brigade.leaderIds.includes(volunteer._id)) throw precondition('你是该大队的负责人，请先联系总队移交负责人');
    const membership = await memberships.find(brigade._id, volunteer._id);
    if (!membership || membership.status === 'left' || membership.status === 'rejected') {
      throw notFound('你不是该大队的队员');
    }
    if (!(await memberships.transition(membership._id, [membership.status], { status: 'left' }))) {
      return toMembership({ ...membership, status: 'left' });
    }
    await setBrigadeRole(volunteer._id, brigade._id, null);
    if (membership.status === 'active') await addMembers(brigade._id, -1);
    return toMembership({ ...membership, status: 'left' });
  },
};
