// brigades.members filters: 专长, 镇区/社区 and 有空时段, combinable, read from facets copied onto memberships.
import type { InviteResponse, ListedMember, MembersRequest } from '../../typings/api/brigades';
import type { Specialty, Town } from '../../typings/data';
import type { Availability, Brigade, Page, Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, call, fails, ok, registration } from './helpers';

let cloud: TestCloud;
let brigade: Brigade;
let many: Brigade;

const join = async (openid: string, code: string, fields: Parameters<typeof registration>[0]) => {
  await ok<Profile>(cloud, 'volunteers', 'register', registration(fields), openid);
  await ok(cloud, 'brigades', 'join', { code }, openid);
};

const invite = async (of: Brigade) =>
  (await ok<InviteResponse>(cloud, 'brigades', 'invite', { brigadeId: of.brigadeId }, 'leader')).code;

/** The names the leader sees with these filters, sorted. */
async function names(filters: Omit<MembersRequest, 'brigadeId'>): Promise<string[]> {
  const page = await ok<Page<ListedMember>>(
    cloud,
    'brigades',
    'members',
    { brigadeId: brigade.brigadeId, status: 'active', ...filters },
    'leader',
  );
  return page.items.map((m) => m.name).sort();
}

beforeAll(async () => {
  cloud = await startTestCloud({ env: { HQ_OPENIDS: HQ } });
  const leader = await ok<Profile>(
    cloud,
    'volunteers',
    'register',
    registration({
      name: '周队长',
      mobile: '13800000001',
      community: '岐江社区',
      specialties: ['驾驶'],
      availability: [],
    }),
    'leader',
  );
  brigade = await ok<Brigade>(cloud, 'brigades', 'create', { name: '筛选大队', town: '东区', joinMode: 'open' }, HQ);
  many = await ok<Brigade>(cloud, 'brigades', 'create', { name: '预算大队', town: '西区', joinMode: 'open' }, HQ);
  for (const b of [brigade, many]) {
    await ok(cloud, 'brigades', 'setLeader', { brigadeId: b.brigadeId, cardNo: leader.cardNo }, HQ);
  }
  const code = await invite(brigade);
  const people: [string, string, Specialty[], Town, string, Availability][] = [
    ['a', '郑医生', ['医疗'], '石岐区', '悦来社区', { weekday: 2, slot: 'morning' }],
    ['b', '王护士', ['护理'], '东区', '竹苑社区', { weekday: 2, slot: 'afternoon' }],
    ['c', '冯心理', ['医疗', '心理'], '东区', '竹苑社区', { weekday: 6, slot: 'morning' }],
  ];
  for (const [i, [openid, name, specialties, town, community, slot]] of people.entries()) {
    await join(openid, code, {
      name,
      mobile: `1380000000${i + 2}`,
      specialties,
      town,
      community,
      availability: [slot],
    });
  }
  const manyCode = await invite(many);
  await Promise.all(
    Array.from({ length: 25 }, (_, i) =>
      join(`many-${i}`, manyCode, {
        name: `司机${i}`,
        mobile: `135${String(i).padStart(8, '0')}`,
        specialties: ['驾驶'],
      }),
    ),
  );
}, 60_000);
afterAll(() => cloud.stop());

describe('each filter and their combination', () => {
  it('专长 lists the members who have it among their specialties', async () => {
    expect(await names({ specialty: '医疗' })).toEqual(['冯心理', '郑医生']);
    expect(await names({ specialty: '法律' })).toEqual([]);
  });

  it('镇区 and 社区', async () => {
    expect(await names({ town: '东区' })).toEqual(['冯心理', '王护士']);
    expect(await names({ community: '悦来社区' })).toEqual(['郑医生']);
  });

  it('有空时段: a weekday and slot, a weekday alone, a slot alone', async () => {
    expect(await names({ weekday: 2, slot: 'morning' })).toEqual(['郑医生']);
    expect(await names({ weekday: 2 })).toEqual(['王护士', '郑医生']);
    expect(await names({ slot: 'morning' })).toEqual(['冯心理', '郑医生']);
  });

  it('combined filters must all hold', async () => {
    expect(await names({ specialty: '医疗', town: '东区' })).toEqual(['冯心理']);
    expect(await names({ specialty: '医疗', town: '东区', weekday: 2 })).toEqual([]);
    expect(await names({ town: '东区', community: '竹苑社区', slot: 'afternoon' })).toEqual(['王护士']);
  });

  it('each row shows the specialties and the community', async () => {
    const page = await ok<Page<ListedMember>>(
      cloud,
      'brigades',
      'members',
      { brigadeId: brigade.brigadeId, specialty: '心理' },
      'leader',
    );
    expect(page.items).toEqual([
      expect.objectContaining({ name: '冯心理', specialties: ['医疗', '心理'], town: '东区', community: '竹苑社区' }),
    ]);
  });
});

describe('a profile update moves the member in and out of a filter', () => {
  it('new specialties, town and times are what the filters see next', async () => {
    await ok(
      cloud,
      'volunteers',
      'update',
      { specialties: ['护理'], town: '南区', community: '', availability: [{ weekday: 0, slot: 'evening' }] },
      'a',
    );
    expect(await names({ specialty: '医疗' })).toEqual(['冯心理']);
    expect(await names({ specialty: '护理' })).toEqual(['王护士', '郑医生']);
    expect(await names({ community: '悦来社区' })).toEqual([]);
    expect(await names({ town: '南区', weekday: 0, slot: 'evening' })).toEqual(['郑医生']);
    await ok(cloud, 'volunteers', 'update', { specialties: ['医疗'] }, 'a');
    expect(await names({ specialty: '医疗' })).toEqual(['冯心理', '郑医生']);
  });
});

describe('memberships made before facets were copied', () => {
  it('the leader opening the list fills them, and the filters find the member afterwards', async () => {
    await cloud.db.handle('database.modifyDocument', {
      collectionName: 'memberships',
      queryType: 'WHERE',
      query: JSON.stringify({ brigadeId: brigade.brigadeId, name: '王护士' }),
      data: JSON.stringify({ $unset: { specialties: '', town: '', community: '', availability: '' } }),
      multi: false,
    });
    expect(await names({ community: '竹苑社区' })).toEqual(['冯心理']);
    const listed = await ok<Page<ListedMember>>(
      cloud,
      'brigades',
      'members',
      { brigadeId: brigade.brigadeId },
      'leader',
    );
    expect(listed.items.find((m) => m.name === '王护士')).toMatchObject({
      specialties: ['护理'],
      community: '竹苑社区',
    });
    expect(await names({ community: '竹苑社区' })).toEqual(['冯心理', '王护士']);
  });
});

describe('who may filter, and what they may send', () => {
  it('a member who does not lead the brigade is denied', async () => {
    const body = { brigadeId: brigade.brigadeId, specialty: '医疗' };
    expect((await fails(cloud, 'brigades', 'members', body, 'b')).code).toBe('PERMISSION_DENIED');
    expect((await fails(cloud, 'brigades', 'members', body, 'visitor')).code).toBe('PERMISSION_DENIED');
  });

  it.each([
    [{ specialty: '算命' }, '请选择有效的专长'],
    [{ town: '火星' }, '请选择有效的镇区'],
    [{ weekday: 7 }, '星期不能大于 6'],
    [{ weekday: 1.5 }, '星期必须是整数'],
    [{ slot: 'night' }, '请选择有效的时段'],
    [{ community: 'x'.repeat(31) }, '社区不能超过 30 个字'],
  ])('%j is refused with a clear message', async (filter, message) => {
    const error = await fails(cloud, 'brigades', 'members', { brigadeId: brigade.brigadeId, ...filter }, 'leader');
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(JSON.stringify(error)).toContain(message);
  });
});

describe('database requests', () => {
  it.each([5, 20])('a filtered page of %i reads one page in the same few requests', async (pageSize) => {
    const filters = { specialty: '驾驶', town: '石岐区', weekday: 6, slot: 'morning' };
    const reply = await call<Page<ListedMember>>(
      cloud,
      'brigades',
      'members',
      { brigadeId: many.brigadeId, pageSize, ...filters },
      'leader',
    );
    if (!reply.body.ok) throw new Error(reply.body.message);
    expect(reply.body.data.items).toHaveLength(pageSize);
    expect(reply.body.data.nextCursor).toBeDefined();
    expect(reply.metrics.requests).toBe(4);
    expect(reply.metrics.docsRead).toBeLessThanOrEqual(2 * (pageSize + 1) + 2);
  });
});

describe('deleting an account', () => {
  it('takes the member out of every filter with the membership', async () => {
    expect(await names({ specialty: '心理' })).toEqual(['冯心理']);
    await ok(cloud, 'volunteers', 'deleteMine', {}, 'c');
    expect(await names({ specialty: '心理' })).toEqual([]);
    expect(await names({ weekday: 6, slot: 'morning' })).toEqual([]);
  });
});
