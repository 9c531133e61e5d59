// Brigade texts others see (name, description, group names) pass content safety; a risky one stores nothing.
import type { InviteResponse } from '../../typings/api/brigades';
import type { Brigade, Group, Page, Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, fails, ok, registration } from './helpers';

const RISKY = { code: 'INVALID_ARGUMENT', message: '内容含有不适宜发布的信息，请修改后再提交' };

let cloud: TestCloud;
let brigade: Brigade;
const people: Record<string, Profile> = {};

beforeAll(async () => {
  cloud = await startTestCloud({ env: { HQ_OPENIDS: HQ } });
  for (const [openid, mobile] of [
    ['leader', '13800000021'],
    ['member-a', '13800000022'],
    ['member-b', '13800000023'],
  ]) {
    people[openid] = await ok<Profile>(cloud, 'volunteers', 'register', registration({ mobile }), openid);
  }
  brigade = await ok<Brigade>(
    cloud,
    'brigades',
    'create',
    { name: '港口博爱大队', town: '港口镇', joinMode: 'open' },
    HQ,
  );
  await ok(cloud, 'brigades', 'setLeader', { brigadeId: brigade.brigadeId, cardNo: people.leader.cardNo }, HQ);
  const { code } = await ok<InviteResponse>(cloud, 'brigades', 'invite', { brigadeId: brigade.brigadeId }, 'leader');
  for (const who of ['member-a', 'member-b']) await ok(cloud, 'brigades', 'join', { code }, who);
});
afterAll(() => cloud.stop());

const listedNames = async () =>
  (await ok<Page<Brigade>>(cloud, 'brigades', 'list', {}, 'member-a')).items.map((b) => b.name);

it('refuses a risky brigade name or description when hq creates it', async () => {
  const name = { name: '赌博俱乐部', town: '港口镇', joinMode: 'open' };
  expect(await fails(cloud, 'brigades', 'create', name, HQ)).toMatchObject({
    ...RISKY,
    fields: { name: expect.any(String) },
  });
  const description = { name: '港口第二大队', town: '港口镇', joinMode: 'open', description: '周末一起赌博' };
  expect(await fails(cloud, 'brigades', 'create', description, HQ)).toMatchObject(RISKY);
  expect(await listedNames()).toEqual(['港口博爱大队']);
});

it('refuses a risky rename or description, keeping the brigade as it was', async () => {
  const { brigadeId } = brigade;
  expect(await fails(cloud, 'brigades', 'update', { brigadeId, name: '赌博大队' }, 'leader')).toMatchObject(RISKY);
  const description = { brigadeId, description: '加微信返利' };
  expect(await fails(cloud, 'brigades', 'update', description, 'leader')).toMatchObject(RISKY);
  const got = await ok<Brigade>(cloud, 'brigades', 'get', { brigadeId }, 'member-a');
  expect([got.name, got.description]).toEqual(['港口博爱大队', undefined]);
});

it('refuses a risky group name and forms no group', async () => {
  const group = {
    brigadeId: brigade.brigadeId,
    name: '赌博小组',
    volunteerIds: [people['member-a'].volunteerId, people['member-b'].volunteerId],
  };
  expect(await fails(cloud, 'brigades', 'saveGroup', group, 'leader')).toMatchObject({
    ...RISKY,
    fields: { name: '内容含有不适宜发布的信息，请修改' },
  });
  const groups = await ok<{ items: Group[] }>(cloud, 'brigades', 'groups', { brigadeId: brigade.brigadeId }, 'leader');
  expect(groups.items).toEqual([]);
});
