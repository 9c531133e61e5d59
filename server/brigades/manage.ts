/** brigades.create / update / setLeader — hq creates brigades and appoints leaders by card number. */
import type { CreateBrigadeRequest, SetLeaderRequest, UpdateBrigadeRequest } from '../../typings/api/brigades';
import type { Brigade } from '../../typings/entities';
import { TOWNS } from '../../typings/data';
import { isDuplicateKey } from '../cloud';
import { alreadyExists, notFound, precondition } from '../errors';
import type { Action } from '../handler';
import { newId } from '../ids';
import { insert, toBrigade, update as save, addMembers, setContact, type BrigadeDoc } from '../repos/brigades';
import * as memberships from '../repos/memberships';
import * as posts from '../repos/posts';
import * as stats from '../repos/stats';
import { findByCardNo, findById, renameBrigadeRoles, setBrigadeRole } from '../repos/volunteers';
import { contactCopyOf } from '../rules/contact';
import { actorOf } from '../rules/actor';
import { facetsOf } from '../rules/member-facets';
import { bool, id, oneOf, optionalText, text, z } from '../schema';
import { checkText } from '../security';
import { brigadeFact, countFacts } from '../stats/count';
import { loadBrigade, requireLeaderOf } from './access';

const joinMode = oneOf('加入方式', ['open', 'review'] as const);

export const create: Action<CreateBrigadeRequest, Brigade> = {
  access: 'hq',
  input: z.object({
    name: text('大队名称', 30, 2),
    town: oneOf('所属镇区', TOWNS),
    joinMode,
    description: optionalText('大队简介', 500),
  }),
  async run(input, ctx) {
    await checkText(ctx, { name: input.name, description: input.description });
    const doc: BrigadeDoc = {
      _id: newId(),
      name: input.name,
      town: input.town,
      joinMode: input.joinMode,
      ...(input.description ? { description: input.description } : {}),
      leaderIds: [],
      leaders: [],
      memberCount: 0,
      createdAt: Date.now(),
      createdBy: actorOf(await ctx.volunteer()),
    };
    try {
      await insert(doc);
    } catch (error) {
      if (isDuplicateKey(error)) throw alreadyExists(`已有名为「${input.name}」的大队`);
      throw error;
    }
    await countFacts(ctx, [brigadeFact(doc)]);
    return toBrigade(doc);
  },
};

/** The brigade's name is copied onto memberships, posts and the statistics' month documents: all follow a rename. */
async function renameCopies(brigadeId: string, name: string): Promise<void> {
  await Promise.all([
    memberships.renameBrigade(brigadeId, name),
    posts.renameBrigade(brigadeId, name),
    stats.renameBrigade(brigadeId, name),
    renameBrigadeRoles(brigadeId, name),
  ]);
}

export const update: Action<UpdateBrigadeRequest, Brigade> = {
  access: 'anyone',
  input: z.object({
    brigadeId: id('大队'),
    name: z.optional(text('大队名称', 30, 2)),
    joinMode: z.optional(joinMode),
    description: optionalText('大队简介', 500),
    brand: optionalText('服务品牌', 12),
    story: optionalText('品牌故事', 60),
  }),
  async run(input, ctx) {
    const { brigade } = await requireLeaderOf(ctx, input.brigadeId, true);
    const { name, description, brand, story } = input;
    await checkText(ctx, { name, description, brand, story });
    const patch: Partial<BrigadeDoc> = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.joinMode !== undefined) patch.joinMode = input.joinMode;
    if (input.description !== undefined) patch.description = input.description;
    // An empty brand or story clears it.
    if (input.brand !== undefined) patch.brand = input.brand;
    if (input.story !== undefined) patch.story = input.story;
    try {
      if (Object.keys(patch).length > 0) await save(brigade._id, patch);
    } catch (error) {
      if (isDuplicateKey(error)) throw alreadyExists(`已有名为「${input.name}」的大队`);
      throw error;
    }
    if (patch.name && patch.name !== brigade.name) await renameCopies(brigade._id, patch.name);
    return toBrigade({ ...brigade, ...patch });
  },
};

/** The contact leader was removed: the next appointed leader still registered takes over, else none. */
async function nextContact(brigadeId: string, leaders: Brigade['leaders']): Promise<void> {
  for (const leader of leaders) {
    const next = await findById(leader.volunteerId);
    if (next) return setContact(brigadeId, contactCopyOf(next));
  }
  return setContact(brigadeId, undefined);
}

export const setLeader: Action<SetLeaderRequest, { brigadeId: string; leaders: Brigade['leaders'] }> = {
  access: 'hq',
  input: z.object({
    brigadeId: id('大队'),
    cardNo: text('义工证号', 20),
    remove: z.optional(bool('撤销')),
  }),
  async run(input, ctx) {
    const [brigade, volunteer] = await Promise.all([
      loadBrigade(input.brigadeId),
      findByCardNo(input.cardNo.toUpperCase()),
    ]);
    if (!volunteer) throw notFound(`没有找到义工证号为 ${input.cardNo} 的义工`);
    const isLeader = brigade.leaderIds.includes(volunteer._id);
    if (input.remove) {
      if (!isLeader) return { brigadeId: brigade._id, leaders: brigade.leaders };
      const leaders = brigade.leaders.filter((l) => l.volunteerId !== volunteer._id);
      await save(brigade._id, { leaderIds: leaders.map((l) => l.volunteerId), leaders });
      if (brigade.contact?.volunteerId === volunteer._id) await nextContact(brigade._id, leaders);
      const membership = await memberships.find(brigade._id, volunteer._id);
      if (membership) {
        await setBrigadeRole(volunteer._id, brigade._id, {
          name: brigade.name,
          status: membership.status,
          leader: false,
        });
      }
      ctx.log.info('leader-removed', { brigadeId: brigade._id, volunteerId: volunteer._id });
      return { brigadeId: brigade._id, leaders };
    }
    if (isLeader) return { brigadeId: brigade._id, leaders: brigade.leaders };
    if (brigade.leaders.length >= 10) throw precondition('每个大队最多设 10 名负责人');
    const leaders = [
      ...brigade.leaders,
      { volunteerId: volunteer._id, name: volunteer.name, cardNo: volunteer.cardNo },
    ];
    await save(brigade._id, {
      leaderIds: leaders.map((l) => l.volunteerId),
      leaders,
      ...(brigade.contact ? {} : { contact: contactCopyOf(volunteer) }),
    });
    // A leader is an active member of the brigade they lead.
    const membership = await memberships.find(brigade._id, volunteer._id);
    if (!membership) {
      await memberships.insert(memberships.newMembership(brigade, volunteer, 'active', Date.now()));
      await addMembers(brigade._id, 1);
    } else if (
      membership.status !== 'active' &&
      (await memberships.transition(membership._id, [membership.status], {
        status: 'active',
        reviewedAt: Date.now(),
        ...facetsOf(volunteer),
      }))
    ) {
      await addMembers(brigade._id, 1);
    }
    await setBrigadeRole(volunteer._id, brigade._id, { name: brigade.name, status: 'active', leader: true });
    ctx.log.info('leader-appointed', { brigadeId: brigade._id, volunteerId: volunteer._id });
    return { brigadeId: brigade._id, leaders };
  },
};
