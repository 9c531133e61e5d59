// deleteMine removes the person's name and card number from the groups they were in (PIPL: erase contact data).
import type { InviteResponse } from '../../typings/api/brigades';
import type { Brigade, Group, Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, ok, registration } from './helpers';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ env: { HQ_OPENIDS: HQ } });
});
afterAll(() => cloud.stop());

it('takes a deleted volunteer out of their groups', async () => {
  const leader = await ok<Profile>(cloud, 'volunteers', 'register', registration({ name: '周队长' }), 'g-leader');
  const brigade = await ok<Brigade>(
    cloud,
    'brigades',
    'create',
    { name: '小组大队', town: '东区', joinMode: 'open' },
    HQ,
  );
  await ok(cloud, 'brigades', 'setLeader', { brigadeId: brigade.brigadeId, cardNo: leader.cardNo }, HQ);
  const invite = await ok<InviteResponse>(cloud, 'brigades', 'invite', { brigadeId: brigade.brigadeId }, 'g-leader');
  const people: Profile[] = [];
  for (const [i, name] of ['甲', '乙', '丙'].entries()) {
    people.push(
      await ok<Profile>(cloud, 'volunteers', 'register', registration({ name, mobile: `1330000000${i}` }), `g-${i}`),
    );
    await ok(cloud, 'brigades', 'join', { code: invite.code }, `g-${i}`);
  }
  await ok<Group>(
    cloud,
    'brigades',
    'saveGroup',
    { brigadeId: brigade.brigadeId, name: '探访组', volunteerIds: people.map((p) => p.volunteerId) },
    'g-leader',
  );
  await ok(cloud, 'volunteers', 'deleteMine', {}, 'g-1');
  const { items } = await ok<{ items: Group[] }>(
    cloud,
    'brigades',
    'groups',
    { brigadeId: brigade.brigadeId },
    'g-leader',
  );
  expect(items[0].members.map((m) => m.name)).toEqual(['甲', '丙']);
  expect(JSON.stringify(items)).not.toContain(people[1].cardNo);
});
