// posts.ofBrigade — the leader's 大队工作台: the brigade's posts upcoming, in progress, ended unrecorded, recorded.
import type { BrigadePost } from '../../typings/api/posts';
import type { Brigade, Page, Post } from '../../typings/entities';
import { HQ, fails, ok } from './helpers';
import { HOUR, NOW, postsWorld, type PostsWorld } from './posts-fixture';

let w: PostsWorld;
let other: Brigade;
const posts: Record<string, Post> = {};

const titles = async (state: string, openid = 'leader', brigadeId = w.brigade.brigadeId) =>
  (await ok<Page<BrigadePost>>(w.cloud, 'posts', 'ofBrigade', { brigadeId, state }, openid)).items.map(
    (p) => `${p.title}${p.recordedCount !== undefined ? `:${p.recordedCount}` : ''}`,
  );

/** The leader records one attendee of a post as absent: the post then counts as recorded. */
const recordAbsent = (title: string, openid: string) =>
  ok(
    w.cloud,
    'timebank',
    'record',
    { postId: posts[title].postId, entries: [{ volunteerId: w.people[openid].volunteerId, absent: true }] },
    'leader',
  );

beforeAll(async () => {
  w = await postsWorld();
  await w.register('vol-a', { name: '义工甲' });
  await w.register('vol-b', { name: '义工乙' });
  other = await ok<Brigade>(
    w.cloud,
    'brigades',
    'create',
    { name: '东区博爱大队', town: '东区', joinMode: 'open' },
    HQ,
  );
  const make = async (title: string, startHours: number, endHours: number, signup = true) => {
    posts[title] = await w.post({ title, startAt: NOW + startHours * HOUR, endAt: NOW + endHours * HOUR });
    if (signup) {
      await ok(w.cloud, 'posts', 'signup', { postId: posts[title].postId }, 'vol-a');
      await ok(w.cloud, 'posts', 'signup', { postId: posts[title].postId }, 'vol-b');
    }
  };
  // Created while all are upcoming; then the clock moves 10 hours on.
  await make('早场敬老探访', 1, 2);
  await make('午间助餐服务', 3, 5);
  await make('无人报名活动', 4, 6, false);
  await make('夜间巡逻服务', 9, 12);
  await make('周末环保宣传', 30, 32);
  await w.at(NOW + 10 * HOUR);
  await recordAbsent('午间助餐服务', 'vol-a');
});
afterAll(() => w.cloud.stop());

describe('posts.ofBrigade', () => {
  it('lists each post of the brigade in the state it is in now', async () => {
    expect(await titles('upcoming')).toEqual(['周末环保宣传']);
    expect(await titles('ongoing')).toEqual(['夜间巡逻服务']);
    expect(await titles('unrecorded')).toEqual(['早场敬老探访:0']);
    expect(await titles('recorded')).toEqual(['午间助餐服务:1']);
  });

  it('lets hq read any brigade, and refuses a volunteer or the leader of another brigade', async () => {
    expect(await titles('recorded', HQ)).toEqual(['午间助餐服务:1']);
    const denied = await fails(
      w.cloud,
      'posts',
      'ofBrigade',
      { brigadeId: w.brigade.brigadeId, state: 'ongoing' },
      'vol-a',
    );
    expect(denied).toMatchObject({ code: 'PERMISSION_DENIED', message: '仅该大队的负责人可以进行此操作' });
    expect(await titles('upcoming', HQ, other.brigadeId)).toEqual([]);
    await ok(w.cloud, 'brigades', 'setLeader', { brigadeId: other.brigadeId, cardNo: w.people['vol-b'].cardNo }, HQ);
    const otherLeader = await fails(
      w.cloud,
      'posts',
      'ofBrigade',
      { brigadeId: w.brigade.brigadeId, state: 'ongoing' },
      'vol-b',
    );
    expect(otherLeader.code).toBe('PERMISSION_DENIED');
  });

  it('refuses an unknown state with a Chinese message', async () => {
    const bad = await fails(w.cloud, 'posts', 'ofBrigade', { brigadeId: w.brigade.brigadeId, state: 'done' }, 'leader');
    expect(bad.code).toBe('INVALID_ARGUMENT');
    expect(bad.message).toContain('活动状态');
  });

  it('pages ended posts latest first, one page at a time', async () => {
    await recordAbsent('早场敬老探访', 'vol-b');
    const req = { brigadeId: w.brigade.brigadeId, state: 'recorded', pageSize: 1 };
    const first = await ok<Page<BrigadePost>>(w.cloud, 'posts', 'ofBrigade', req, 'leader');
    expect(first.items.map((p) => p.title)).toEqual(['午间助餐服务']);
    const second = await ok<Page<BrigadePost>>(
      w.cloud,
      'posts',
      'ofBrigade',
      { ...req, cursor: first.nextCursor },
      'leader',
    );
    expect(second.items.map((p) => p.title)).toEqual(['早场敬老探访']);
    expect(second.nextCursor).toBeUndefined();
    expect(await titles('unrecorded')).toEqual([]);
  });
});
