// The roles `me` shows come from a copy on the volunteer's document, kept by the writes that change them;
// authorization reads the sources (brigades, memberships, staff), so a stale copy never lets anyone in.
import type { InviteResponse } from '../../typings/api/brigades';
import type { MeResponse } from '../../typings/api/volunteers';
import type { Brigade, Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, call, fails, ok, registration } from './helpers';

let cloud: TestCloud;
let brigade: Brigade;
let leader: Profile;

const me = (openid: string) => ok<MeResponse>(cloud, 'volunteers', 'me', {}, openid);

async function setRoles(volunteerId: string, roles: object | undefined): Promise<void> {
  await cloud.db.handle('database.modifyDocument', {
    collectionName: 'volunteers',
    queryType: 'WHERE',
    query: JSON.stringify({ _id: volunteerId }),
    data: JSON.stringify(roles ? { $set: { roles } } : { $unset: { roles: '' } }),
    multi: false,
  });
}

beforeAll(async () => {
  cloud = await startTestCloud({ env: { HQ_OPENIDS: HQ } });
  leader = await ok<Profile>(cloud, 'volunteers', 'register', registration(), 'leader');
  await ok(cloud, 'volunteers', 'register', registration({ mobile: '13500000001' }), 'member');
  brigade = await ok<Brigade>(cloud, 'brigades', 'create', { name: '角色大队', town: '东区', joinMode: 'open' }, HQ);
  await ok(cloud, 'brigades', 'setLeader', { brigadeId: brigade.brigadeId, cardNo: leader.cardNo }, HQ);
}, 60_000);
afterAll(() => cloud.stop());

describe('what me shows follows the writes, in two requests', () => {
  it('a join, a rename and leaving show in me', async () => {
    const invite = await ok<InviteResponse>(cloud, 'brigades', 'invite', { brigadeId: brigade.brigadeId }, 'leader');
    await me('member');
    await ok(cloud, 'brigades', 'join', { code: invite.code }, 'member');
    const joined = await call<MeResponse>(cloud, 'volunteers', 'me', {}, 'member');
    expect(joined.metrics.requests).toBeLessThanOrEqual(2);
    expect(joined.body).toMatchObject({
      ok: true,
      data: {
        roles: ['volunteer'],
        brigades: [{ brigadeId: brigade.brigadeId, name: '角色大队', status: 'active', leader: false }],
      },
    });
    await ok(cloud, 'brigades', 'update', { brigadeId: brigade.brigadeId, name: '角色新大队' }, HQ);
    expect((await me('member')).brigades).toEqual([
      { brigadeId: brigade.brigadeId, name: '角色新大队', status: 'active', leader: false },
    ]);
    await ok(cloud, 'brigades', 'leave', { brigadeId: brigade.brigadeId }, 'member');
    expect((await me('member')).brigades).toEqual([]);
  });

  it('a profile made before the copy existed gets it from the sources, then costs two requests', async () => {
    await setRoles(leader.volunteerId, undefined);
    const first = await me('leader');
    expect(first.roles).toEqual(['volunteer', 'leader']);
    expect(first.brigades).toMatchObject([{ brigadeId: brigade.brigadeId, leader: true }]);
    const again = await call<MeResponse>(cloud, 'volunteers', 'me', {}, 'leader');
    expect(again.metrics.requests).toBeLessThanOrEqual(2);
    expect(again.body).toMatchObject({ ok: true, data: { roles: ['volunteer', 'leader'] } });
  });
});

describe('a revoked leader', () => {
  it('is refused at once, even while the copy still says leader', async () => {
    await ok(cloud, 'brigades', 'setLeader', { brigadeId: brigade.brigadeId, cardNo: leader.cardNo, remove: true }, HQ);
    expect((await me('leader')).roles).not.toContain('leader');
    // A copy left behind (a write lost between the source and the copy): authorization reads the brigade.
    await setRoles(leader.volunteerId, {
      hq: true,
      brigades: { [brigade.brigadeId]: { name: '角色新大队', status: 'active', leader: true } },
    });
    const invite = await fails(cloud, 'brigades', 'invite', { brigadeId: brigade.brigadeId }, 'leader');
    expect(invite.code).toBe('PERMISSION_DENIED');
    const created = await fails(
      cloud,
      'brigades',
      'create',
      { name: '越权大队', town: '东区', joinMode: 'open' },
      'leader',
    );
    expect(created.code).toBe('PERMISSION_DENIED');
  });
});
