/**
 * brigades.invite / join / apply — a leader's invite code travels in a shared link (onShareAppMessage); whoever opens
 * it joins: at once in an open brigade, or pending the leader's review. From the brigade's page a resident applies
 * without an invite, on the same terms. Joining twice changes nothing.
 */
import type {
  ApplyRequest,
  BrigadePosterResponse,
  InviteRequest,
  InviteResponse,
  JoinRequest,
  JoinResponse,
  ShareSource,
} from '../../typings/api/brigades';
import { isDuplicateKey } from '../cloud';
import { invalid, notFound, precondition } from '../errors';
import type { Action } from '../handler';
import { newCode } from '../ids';
import type { RequestContext } from '../context';
import { addMembers, type BrigadeDoc } from '../repos/brigades';
import * as invites from '../repos/invites';
import * as memberships from '../repos/memberships';
import { setBrigadeRole, type VolunteerDoc } from '../repos/volunteers';
import { actorOf } from '../rules/actor';
import { facetsOf } from '../rules/member-facets';
import { SHARE_SOURCES } from '../rules/stats';
import { epochMs, id, oneOf, text, z } from '../schema';
import { countFacts, sourceFact } from '../stats/count';
import { posterCode } from '../volunteers/scene';
import { loadBrigade, requireLeaderOf } from './access';

export const JOIN_PAGE = '/pages/join/index';
/** The join page shows the brigade before joining, so the path carries its id beside the code. */
const joinPath = (code: string, brigadeId: string) => `${JOIN_PAGE}?code=${code}&brigadeId=${brigadeId}`;

export const invite: Action<InviteRequest, InviteResponse> = {
  access: 'volunteer',
  input: z.object({
    brigadeId: id('大队'),
    expiresAt: z.optional(epochMs('有效期')),
    revokeCode: z.optional(text('邀请码', 32)),
  }),
  async run(input, ctx) {
    const { brigade, volunteer } = await requireLeaderOf(ctx, input.brigadeId);
    const now = Date.now();
    if (input.revokeCode) {
      const found = await invites.findByCode(input.revokeCode.toUpperCase());
      if (!found || found.brigadeId !== brigade._id) throw notFound('邀请码不存在');
      await invites.revoke(found._id, now);
      return { code: found.code, path: joinPath(found.code, brigade._id), revoked: true };
    }
    if (input.expiresAt !== undefined && input.expiresAt <= now)
      throw invalid('有效期需晚于现在', { expiresAt: '有效期需晚于现在' });
    const code = await issueInvite(brigade._id, actorOf(volunteer), now, input.expiresAt);
    return { code, path: joinPath(code, brigade._id), ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}) };
  },
};

/** Stores a fresh invite (a random 10-character code) and answers its code. */
async function issueInvite(brigadeId: string, createdBy: string, now: number, expiresAt?: number): Promise<string> {
  const code = newCode(10);
  await invites.insert({
    _id: code,
    code,
    brigadeId,
    createdBy,
    createdAt: now,
    revoked: false,
    ...(expiresAt ? { expiresAt } : {}),
  });
  return code;
}

/** How long a poster's invite (and its scene) stays valid. */
export const POSTER_INVITE_DAYS = 30;

/**
 * brigades.poster — leaders (and hq): a fresh invite valid 30 days and its scene, which expires with it; revoking the
 * invite (brigades.invite `revokeCode`) stops the scene too. Three requests and the open-API call.
 */
export const poster: Action<{ brigadeId: string }, BrigadePosterResponse> = {
  access: 'anyone',
  input: z.object({ brigadeId: id('大队') }),
  async run(input, ctx) {
    const { brigade, volunteer } = await requireLeaderOf(ctx, input.brigadeId, true);
    const now = Date.now();
    const expiresAt = now + POSTER_INVITE_DAYS * 86_400_000;
    const code = await issueInvite(brigade._id, actorOf(volunteer), now, expiresAt);
    const made = await posterCode(ctx, 'invite', code, expiresAt);
    return { ...made, inviteCode: code, expiresAt };
  },
};

export const join: Action<JoinRequest, JoinResponse> = {
  // The caller's profile is read with the invite (one request), so the handler does not read it first.
  access: 'anyone',
  input: z.object({ code: text('邀请码', 32), source: z.optional(oneOf('来源', SHARE_SOURCES)) }),
  async run(input, ctx) {
    const source = input.source ?? 'chat';
    // One request: the invite with its brigade (a brigade gone since is refused by loadBrigade, as before) and the
    // caller; an unknown code reads the caller on its own, so an unregistered caller still learns that first.
    const code = input.code.trim().toUpperCase();
    const { invite: found, brigade: joined, ...caller } = await invites.findByCodeWithBrigade(code, ctx.openid);
    if (found) ctx.knowVolunteer(caller.volunteer);
    const volunteer = await ctx.requireVolunteer();
    if (!found) throw notFound('邀请链接无效，请向大队负责人重新索取');
    if (found.revoked) throw precondition('该邀请链接已被收回，请向大队负责人重新索取');
    if (found.expiresAt && found.expiresAt <= Date.now())
      throw precondition('该邀请链接已过期，请向大队负责人重新索取');
    const brigade = joined ?? (await loadBrigade(found.brigadeId));
    return enrol(ctx, volunteer, brigade, source);
  },
};

/**
 * brigades.apply — from the brigade's own page, with no invite: an open brigade admits at once, one that reviews
 * applications lists it for its leaders (as an invite would). The source defaults to the feed.
 */
export const apply: Action<ApplyRequest, JoinResponse> = {
  access: 'volunteer',
  input: z.object({ brigadeId: id('大队'), source: z.optional(oneOf('来源', SHARE_SOURCES)) }),
  async run(input, ctx) {
    const volunteer = await ctx.requireVolunteer();
    const brigade = await loadBrigade(input.brigadeId);
    return enrol(ctx, volunteer, brigade, input.source ?? 'feed');
  },
};

/** The membership made or renewed (a repeated call keeps the one held), its role copy, count and 招募来源. */
async function enrol(
  ctx: RequestContext,
  volunteer: VolunteerDoc,
  brigade: BrigadeDoc,
  source: ShareSource,
): Promise<JoinResponse> {
  const status: JoinResponse['status'] = brigade.joinMode === 'open' ? 'active' : 'pending';
  const now = Date.now();
  try {
    await memberships.insert({ ...memberships.newMembership(brigade, volunteer, status, now), source });
  } catch (error) {
    // Already a member, or joining twice at once: the unique (brigade, volunteer) key lets one through.
    if (!isDuplicateKey(error)) throw error;
    const existing = await memberships.find(brigade._id, volunteer._id);
    if (existing?.status === 'active' || existing?.status === 'pending') {
      return { brigadeId: brigade._id, status: existing.status };
    }
    // Left or rejected earlier: apply again.
    const rejoined = await memberships.transition(
      memberships.membershipId(brigade._id, volunteer._id),
      ['left', 'rejected'],
      {
        status,
        joinedAt: now,
        brigadeName: brigade.name,
        source,
        ...facetsOf(volunteer),
      },
    );
    if (!rejoined) return { brigadeId: brigade._id, status: 'pending' };
  }
  // The copy `me` reads (a profile without one gets it filled from the sources by `me`).
  const leader = brigade.leaderIds.includes(volunteer._id);
  if (volunteer.roles) await setBrigadeRole(volunteer._id, brigade._id, { name: brigade.name, status, leader });
  if (status === 'active') await addMembers(brigade._id, 1);
  // 招募来源: a join (or a rejoin) made by this call, counted by the write itself.
  await countFacts(ctx, [
    sourceFact('joins', source, now, { brigadeId: brigade._id, name: brigade.name, town: brigade.town }),
  ]);
  return { brigadeId: brigade._id, status };
}
