/** brigades.groups / saveGroup — groups (小组) of 2+ active members who serve a recipient together. */
import type { SaveGroupRequest } from '../../typings/api/brigades';
import type { Group } from '../../typings/entities';
import { invalid, notFound } from '../errors';
import type { Action } from '../handler';
import { newId } from '../ids';
import * as groups from '../repos/groups';
import * as memberships from '../repos/memberships';
import { id, listOf, text, z } from '../schema';
import { checkText } from '../security';
import { loadBrigade, requireLeaderOf } from './access';

export const MAX_GROUP_SIZE = 30;

/** The brigade's leaders and hq read its groups, and so does the coordinator of its town (who offers services to them). */
export const list: Action<{ brigadeId: string }, { items: Group[] }> = {
  access: 'anyone',
  input: z.object({ brigadeId: id('大队') }),
  async run(input, ctx) {
    const { brigade } = await requireLeaderOf(ctx, input.brigadeId, true).catch(async (error: unknown) => {
      const found = await loadBrigade(input.brigadeId);
      if ((await ctx.coordinatorTowns()).includes(found.town)) return { brigade: found };
      throw error;
    });
    return { items: (await groups.ofBrigade(brigade._id)).map(groups.toGroup) };
  },
};

export const save: Action<SaveGroupRequest, Group> = {
  access: 'volunteer',
  input: z.object({
    brigadeId: id('大队'),
    groupId: z.optional(id('小组')),
    name: text('小组名称', 20),
    volunteerIds: listOf('组员', id('组员'), MAX_GROUP_SIZE),
  }),
  async run(input, ctx) {
    const { brigade } = await requireLeaderOf(ctx, input.brigadeId);
    const ids = [...new Set(input.volunteerIds)];
    if (ids.length < 2) throw invalid('小组至少需要 2 名组员', { volunteerIds: '请至少选择 2 名组员' });
    await checkText(ctx, { name: input.name });
    const active = await memberships.activeAmong(brigade._id, ids);
    if (active.length !== ids.length) {
      throw invalid('组员须是本大队的在队队员', { volunteerIds: '有组员不是本大队的在队队员' });
    }
    const byId = new Map(active.map((m) => [m.volunteerId, m]));
    const doc: groups.GroupDoc = {
      _id: input.groupId ?? newId(),
      brigadeId: brigade._id,
      name: input.name,
      members: ids.map((v) => ({ volunteerId: v, name: byId.get(v)?.name ?? '', cardNo: byId.get(v)?.cardNo ?? '' })),
      memberIds: ids,
      updatedAt: Date.now(),
    };
    if (input.groupId) {
      const existing = await groups.findById(input.groupId);
      if (!existing || existing.brigadeId !== brigade._id) throw notFound('小组不存在');
      await groups.replace(doc);
    } else {
      await groups.insert(doc);
    }
    return groups.toGroup(doc);
  },
};
