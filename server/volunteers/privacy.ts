/**
 * volunteers.exportMine / deleteMine — PIPL rights: everything held about the caller, and erasure of the
 * profile and contact data (service records and ledger entries stay, anonymised: they carry only the opaque id).
 */
import type { DeleteMineResponse, ExportMineResponse } from '../../typings/api/volunteers';
import { _, db, rows } from '../cloud';
import { precondition } from '../errors';
import type { Action } from '../handler';
import { piiKey } from '../pii';
import { volunteerAccountId } from '../repos/accounts';
import { ledBy } from '../repos/brigades';
import { ofVolunteer as honoursOf, toAward } from '../repos/honours';
import { ofVolunteer as membershipsOf, removeOfVolunteer } from '../repos/memberships';
import { remove } from '../repos/volunteers';
import { decrypt } from '../rules/pii';
import { none } from '../schema';
import { countFacts, volunteerFact } from '../stats/count';
import { toProfile } from './profile';
import * as groups from '../repos/groups';

const EXPORT_LIMIT = 1000;

const mine = (collection: string, where: Record<string, unknown>) =>
  rows<Record<string, unknown>>(db.collection(collection).where(where).limit(EXPORT_LIMIT));

export const exportMine: Action<Record<string, never>, ExportMineResponse> = {
  access: 'volunteer',
  input: none,
  async run(_input, ctx) {
    const me = await ctx.requireVolunteer();
    const key = piiKey(ctx);
    const profile = toProfile(me);
    profile.mobile = decrypt(me.mobileEnc, key);
    if (me.guardian && profile.guardian) profile.guardian.mobile = decrypt(me.guardian.mobileEnc, key);
    const [memberships, signups, records, ledger, honours] = await Promise.all([
      membershipsOf(me._id, ['active', 'pending', 'rejected', 'left']),
      mine('signups', { volunteerId: me._id }),
      mine('service_records', { volunteerId: me._id }),
      mine('ledger', { accountId: volunteerAccountId(me._id) }),
      honoursOf(me._id),
    ]);
    return { profile, memberships, signups, records, ledger, honours: honours.map(toAward), exportedAt: Date.now() };
  },
};

export const deleteMine: Action<Record<string, never>, DeleteMineResponse> = {
  access: 'volunteer',
  input: none,
  async run(_input, ctx) {
    const me = await ctx.requireVolunteer();
    if ((await ledBy(me._id)).length > 0) throw precondition('你是大队负责人，请先联系总队移交负责人后再注销');
    const upcoming = await rows(
      db
        .collection('signups')
        .where({ volunteerId: me._id, status: _.in(['confirmed', 'waitlisted']), startAt: _.gt(Date.now()) })
        .limit(1),
    );
    if (upcoming.length > 0) throw precondition('你还有未开始的服务报名，请先取消报名后再注销');
    const active = await membershipsOf(me._id, ['active']);
    if (active.length > 0) {
      await db
        .collection('brigades')
        .where({ _id: _.in(active.map((m) => m.brigadeId)) })
        .update({ data: { memberCount: _.inc(-1) } });
    }
    await removeOfVolunteer(me._id);
    for (const group of await groups.ofMember(me._id)) await groups.removeMember(group, me._id, Date.now());
    await remove(me._id);
    await countFacts(ctx, [volunteerFact(me, -1)]);
    ctx.log.info('deleted-profile', { volunteerId: me._id });
    return { deleted: true };
  },
};
