// Town coordinators: hq appoints and removes them by card number; `me` shows the role from the copy in two requests;
// who sees which town's list; erasing a profile ends its appointments; authorization reads the collection.
import type { TownCoordinators } from '../../typings/api/brigades';
import type { MeResponse } from '../../typings/api/volunteers';
import type { Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, call, fails, ok, registration } from './helpers';

let cloud: TestCloud;
let su: Profile;
let he: Profile;

const me = (openid: string) => ok<MeResponse>(cloud, 'volunteers', 'me', {}, openid);
const appoint = (town: string, cardNo: string, remove?: boolean) =>
  ok<TownCoordinators>(cloud, 'brigades', 'setCoordinator', { town, cardNo, ...(remove ? { remove } : {}) }, HQ);
const list = (openid: string, town?: string) =>
  ok<{ items: TownCoordinators[] }>(cloud, 'brigades', 'coordinators', town ? { town } : {}, openid);

async function setRoles(volunteerId: string, roles: object): Promise<void> {
  await cloud.db.handle('database.modifyDocument', {
    collectionName: 'volunteers',
    queryType: 'WHERE',
    query: JSON.stringify({ _id: volunteerId }),
    data: JSON.stringify({ $set: { roles } }),
    multi: false,
  });
}

beforeAll(async () => {
  cloud = await startTestCloud({ env: { HQ_OPENIDS: HQ } });
  su = await ok<Profile>(cloud, 'volunteers', 'register', registration({ name: '苏婉仪' }), 'su');
  he = await ok<Profile>(
    cloud,
    'volunteers',
    'register',
    registration({ name: '何志强', mobile: '13500000002' }),
    'he',
  );
  await ok(cloud, 'volunteers', 'register', registration({ mobile: '13500000003' }), 'plain');
}, 60_000);
afterAll(() => cloud.stop());

describe('appointing and removing a coordinator', () => {
  it('me shows the role and the towns, in the fixed town order, in two requests', async () => {
    expect(await me('su')).toMatchObject({ roles: ['volunteer'], coordinatorTowns: [] });
    await appoint('东区', su.cardNo);
    await appoint('石岐区', su.cardNo.toLowerCase());
    const reply = await call<MeResponse>(cloud, 'volunteers', 'me', {}, 'su');
    expect(reply.metrics.requests).toBeLessThanOrEqual(2);
    expect(reply.body).toMatchObject({
      ok: true,
      data: { roles: ['volunteer', 'coordinator'], coordinatorTowns: ['石岐区', '东区'] },
    });
  });

  it('appointing twice keeps one appointment; removing drops the town from me', async () => {
    const again = await appoint('东区', su.cardNo);
    expect(again.coordinators.map((c) => c.name)).toEqual(['苏婉仪']);
    const left = await appoint('东区', su.cardNo, true);
    expect(left).toEqual({ town: '东区', coordinators: [] });
    expect((await me('su')).coordinatorTowns).toEqual(['石岐区']);
  });

  it('a role copy made before the towns were kept gets them from the collection once', async () => {
    await setRoles(su.volunteerId, { hq: false, brigades: {} });
    expect((await me('su')).coordinatorTowns).toEqual(['石岐区']);
    const reply = await call<MeResponse>(cloud, 'volunteers', 'me', {}, 'su');
    expect(reply.metrics.requests).toBeLessThanOrEqual(2);
    expect(reply.body).toMatchObject({ ok: true, data: { coordinatorTowns: ['石岐区'] } });
  });

  it('a stale role copy lets nobody in: authorization reads the coordinators collection', async () => {
    await setRoles(he.volunteerId, { hq: false, brigades: {}, towns: ['西区'] });
    expect((await me('he')).roles).toContain('coordinator');
    expect((await fails(cloud, 'brigades', 'coordinators', {}, 'he')).code).toBe('PERMISSION_DENIED');
    expect((await fails(cloud, 'stats', 'overview', { town: '西区' }, 'he')).code).toBe('PERMISSION_DENIED');
  });

  it('a card number nobody holds is NOT_FOUND, with nothing stored', async () => {
    const error = await fails(cloud, 'brigades', 'setCoordinator', { town: '西区', cardNo: 'ZSBA-2026-999999' }, HQ);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('ZSBA-2026-999999');
    expect((await list(HQ, '西区')).items).toEqual([{ town: '西区', coordinators: [] }]);
  });

  it('only hq appoints', async () => {
    const error = await fails(cloud, 'brigades', 'setCoordinator', { town: '西区', cardNo: he.cardNo }, 'su');
    expect(error.code).toBe('PERMISSION_DENIED');
  });
});

describe('brigades.coordinators', () => {
  beforeAll(async () => {
    await appoint('南区', he.cardNo);
    await appoint('石岐区', he.cardNo);
  });

  it('hq sees every town with coordinators, in the fixed town order', async () => {
    const { items } = await list(HQ);
    expect(items.map((t) => [t.town, t.coordinators.map((c) => c.name)])).toEqual([
      ['石岐区', ['苏婉仪', '何志强']],
      ['南区', ['何志强']],
    ]);
  });

  it('a coordinator sees their own towns only, and not another town', async () => {
    expect((await list('su')).items.map((t) => t.town)).toEqual(['石岐区']);
    expect((await fails(cloud, 'brigades', 'coordinators', { town: '南区' }, 'su')).code).toBe('PERMISSION_DENIED');
    expect((await fails(cloud, 'brigades', 'coordinators', {}, 'plain')).code).toBe('PERMISSION_DENIED');
  });
});

describe('erasure', () => {
  it('deleteMine ends the person’s appointments', async () => {
    const gone = await ok<Profile>(
      cloud,
      'volunteers',
      'register',
      registration({ name: '冯丽娟', mobile: '13500000004' }),
      'gone',
    );
    await appoint('西区', gone.cardNo);
    await ok(cloud, 'volunteers', 'deleteMine', {}, 'gone');
    expect((await list(HQ, '西区')).items).toEqual([{ town: '西区', coordinators: [] }]);
    const raw = (await cloud.db.handle('database.getDocument', {
      collectionName: 'coordinators',
      queryType: 'WHERE',
      query: JSON.stringify({ volunteerId: gone.volunteerId }),
      limit: 10,
    })) as { list: string[] };
    expect(raw.list).toEqual([]);
  });
});
