/**
 * volunteers.exportMine / deleteMine — PIPL rights: everything held about the caller, and erasure of the
 * profile and contact data (service records and ledger entries stay, anonymised: they carry only the opaque id).
 */
import type { DeleteMineResponse, ExportMineResponse } from '../../typings/api/volunteers';
import { precondition } from '../errors';
import type { Action } from '../handler';
import { piiKey } from '../pii';
import { volunteerAccountId } from '../repos/accounts';
import { dropContact, ledBy, removeMemberOf } from '../repos/brigades';
import * as coordinators from '../repos/coordinators';
import * as groups from '../repos/groups';
import * as honours from '../repos/honours';
import * as ledgerRepo from '../repos/ledger';
import { ofVolunteer as membershipsOf, removeOfVolunteer } from '../repos/memberships';
import * as outbox from '../repos/outbox';
import * as proofs from '../repos/proofs';
import * as qualificationRepo from '../repos/qualifications';
import * as recordRepo from '../repos/records';
import * as scenes from '../repos/scenes';
import * as signups from '../repos/signups';
import * as starChanges from '../repos/star-changes';
import * as subscriptions from '../repos/subscriptions';
import { remove } from '../repos/volunteers';
import { decrypt } from '../rules/pii';
import { none } from '../schema';
import { countFacts, volunteerFact } from '../stats/count';
import { removeFiles } from '../files/index';
import { countQualifiedSafely } from './qualifications/held';
import { toProfile } from './profile';

const EXPORT_LIMIT = 1000;

export const exportMine: Action<Record<string, never>, ExportMineResponse> = {
  access: 'volunteer',
  input: none,
  async run(_input, ctx) {
    const me = await ctx.requireVolunteer();
    const key = piiKey(ctx);
    const profile = toProfile(me);
    profile.mobile = decrypt(me.mobileEnc, key);
    if (me.guardian && profile.guardian) profile.guardian.mobile = decrypt(me.guardian.mobileEnc, key);
    const [memberships, groupDocs, signupDocs, records, ledger, grants, honourDocs, changes, quals] = await Promise.all(
      [
        membershipsOf(me._id, ['active', 'pending', 'rejected', 'left']),
        groups.ofMember(me._id),
        signups.allOfVolunteer(me._id, EXPORT_LIMIT),
        recordRepo.allOfVolunteer(me._id, EXPORT_LIMIT),
        ledgerRepo.allOfAccount(volunteerAccountId(me._id), EXPORT_LIMIT),
        subscriptions.ofVolunteer(me._id, EXPORT_LIMIT),
        honours.ofVolunteer(me._id),
        starChanges.ofVolunteer(me._id, EXPORT_LIMIT),
        qualificationRepo.ofVolunteer(me._id),
      ],
    );
    const messages = await outbox.ofGrants(
      grants.map((g) => g._id),
      EXPORT_LIMIT,
    );
    return {
      profile,
      memberships,
      groups: groupDocs.map(groups.toGroup),
      signups: signupDocs,
      records,
      ledger,
      subscriptions: grants.map((g) => ({
        subject: g.subject,
        templateId: g.templateId,
        status: g.status,
        grantedAt: g.grantedAt,
        ...(g.usedAt ? { usedAt: g.usedAt } : {}),
      })),
      messages: messages.map((m) => ({
        kind: m.kind,
        templateId: m.templateId,
        status: m.status,
        ...(m.postId ? { postId: m.postId } : {}),
        ...(m.data ? { data: m.data } : {}),
        createdAt: m.createdAt,
        updatedAt: m.updatedAt,
      })),
      honours: honourDocs.map(honours.toAward),
      starChanges: changes.map((c) => ({ from: c.from, to: c.to, cause: c.cause, at: c.at })),
      qualifications: quals.map((q) => qualificationRepo.toQualification(q)),
      exportedAt: Date.now(),
    };
  },
};

export const deleteMine: Action<Record<string, never>, DeleteMineResponse> = {
  access: 'volunteer',
  input: none,
  async run(_input, ctx) {
    const me = await ctx.requireVolunteer();
    if ((await ledBy(me._id)).length > 0) throw precondition('你是大队负责人，请先联系总队移交负责人后再注销');
    if (await signups.hasUpcoming(me._id, Date.now()))
      throw precondition('你还有未开始的服务报名，请先取消报名后再注销');
    // Qualifications and their certificate photos go entirely (the copy goes with the profile),
    // counted off while the memberships still say where.
    const quals = await qualificationRepo.ofVolunteer(me._id);
    if (quals.length > 0) await removeFiles(quals.map((q) => q.fileId));
    await qualificationRepo.removeOfVolunteer(me._id);
    if (quals.some((q) => q.status === 'verified')) await countQualifiedSafely(ctx, me._id, -1);
    const active = await membershipsOf(me._id, ['active']);
    await removeMemberOf(active.map((m) => m.brigadeId));
    // No brigade keeps the number of someone who left (a former leader no longer leads, so none should).
    await dropContact(me._id);
    await removeOfVolunteer(me._id);
    for (const group of await groups.ofMember(me._id)) await groups.removeMember(group, me._id, Date.now());
    // Messages first (found through the grants), then the grants: both hold the openid.
    const grants = await subscriptions.ofVolunteer(me._id);
    await outbox.removeOfGrants(grants.map((g) => g._id));
    await subscriptions.removeOfVolunteer(me._id);
    await signups.anonymiseOfVolunteer(me._id);
    await Promise.all([
      honours.removeOfVolunteer(me._id),
      starChanges.removeOfVolunteer(me._id),
      proofs.removeOfVolunteer(me._id),
      coordinators.removeOfVolunteer(me._id),
      scenes.removeOf('card', me._id),
    ]);
    await remove(me._id);
    await countFacts(ctx, [volunteerFact(me, -1)]);
    ctx.log.info('deleted-profile', { volunteerId: me._id });
    return { deleted: true };
  },
};
