import type { RosterEntry, SignupResponse } from '../../typings/api/posts';
import type { Page, Post, Signup } from '../../typings/entities';
import { HQ, fails, ok } from './helpers';
import { HOUR, NOW, postsWorld, type PostsWorld } from './posts-fixture';

let w: PostsWorld;

beforeAll(async () => {
  w = await postsWorld();
  await w.register('other-leader', { name: '吴队长' });
  for (const id of ['a', 'b', 'c', 'd', 'e']) await w.register(`vol-${id}`, { name: `义工${id}` });
  await w.register('minor', {
    name: '小明',
    birthYear: 2012,
    guardian: { name: '大明', mobile: '13911112222', consent: true },
  });
});
afterAll(() => w.cloud.stop());

const signup = (postId: string, who: string) => ok<SignupResponse>(w.cloud, 'posts', 'signup', { postId }, who);

describe('posts.create', () => {
  it('lets only the brigade’s leaders post', async () => {
    const body = {
      brigadeId: w.brigade.brigadeId,
      title: '探访独居长者',
      description: '陪伴',
      category: '探访慰问',
      address: '悦来南路',
      startAt: NOW + 48 * HOUR,
      endAt: NOW + 50 * HOUR,
      quota: 3,
    };
    expect((await fails(w.cloud, 'posts', 'create', body, 'other-leader')).code).toBe('PERMISSION_DENIED');
    expect((await fails(w.cloud, 'posts', 'create', body, 'vol-a')).code).toBe('PERMISSION_DENIED');
    expect((await fails(w.cloud, 'posts', 'create', body, 'visitor')).code).toBe('UNAUTHENTICATED');
    expect((await fails(w.cloud, 'posts', 'create', body, HQ)).code).toBe('UNAUTHENTICATED');
  });

  it('validates times, quota and text, writing nothing', async () => {
    const past = await w.cloud.request(
      'posts',
      {
        action: 'create',
        brigadeId: w.brigade.brigadeId,
        title: '探访独居长者',
        description: '陪伴',
        category: '探访慰问',
        address: '悦来南路',
        startAt: NOW - HOUR,
        endAt: NOW + HOUR,
        quota: 3,
      },
      'leader',
    );
    expect(past.body).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', fields: { startAt: '开始时间需晚于现在' } });
    expect(past.metrics.docsWritten).toBe(0);
    const backwards = await fails(
      w.cloud,
      'posts',
      'create',
      {
        brigadeId: w.brigade.brigadeId,
        title: '探访独居长者',
        description: '陪伴',
        category: '探访慰问',
        address: '悦来南路',
        startAt: NOW + 5 * HOUR,
        endAt: NOW + 4 * HOUR,
        quota: 3,
      },
      'leader',
    );
    expect(backwards.fields).toEqual({ endAt: '结束时间需晚于开始时间' });
    const quota = await fails(
      w.cloud,
      'posts',
      'create',
      {
        brigadeId: w.brigade.brigadeId,
        title: '探访独居长者',
        description: '陪伴',
        category: '探访慰问',
        address: '悦来南路',
        startAt: NOW + 5 * HOUR,
        endAt: NOW + 6 * HOUR,
        quota: 501,
      },
      'leader',
    );
    expect(quota.fields).toEqual({ quota: '招募人数不能大于 500' });
  });

  it('refuses risky text through content safety', async () => {
    const error = await w.post({ title: '周末赌博活动招募' }).then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(error).toMatch(/INVALID_ARGUMENT 内容含有不适宜发布的信息/);
  });

  it('creates a weekly series in one call', async () => {
    const first = await w.post({ repeatWeeks: 4, title: '每周义剪服务', category: '义剪' });
    const series = (first as Post & { seriesPostIds: string[] }).seriesPostIds;
    expect(series).toHaveLength(4);
    const page = await ok<Page<Post>>(w.cloud, 'posts', 'list', { category: '义剪' }, 'visitor');
    expect(page.items.map((p) => p.startAt)).toEqual([0, 1, 2, 3].map((i) => NOW + 48 * HOUR + i * 7 * 24 * HOUR));
    expect(new Set(page.items.map((p) => p.seriesId))).toEqual(new Set([first.seriesId]));
  });
});

describe('posts.list', () => {
  it('lists upcoming posts soonest first, filtered, one page at a time', async () => {
    const later = await w.post({
      title: '社区义诊服务',
      category: '义诊',
      startAt: NOW + 96 * HOUR,
      endAt: NOW + 98 * HOUR,
    });
    const sooner = await w.post({
      title: '社区义诊服务二',
      category: '义诊',
      startAt: NOW + 24 * HOUR,
      endAt: NOW + 26 * HOUR,
    });
    const page = await w.cloud.request<{ ok: true; data: Page<Post> }>(
      'posts',
      { action: 'list', category: '义诊', pageSize: 1 },
      'visitor',
    );
    expect(page.body.data.items.map((p) => p.postId)).toEqual([sooner.postId]);
    expect(page.metrics.docsRead).toBeLessThanOrEqual(2);
    const next = await ok<Page<Post>>(
      w.cloud,
      'posts',
      'list',
      { category: '义诊', pageSize: 1, cursor: page.body.data.nextCursor },
      'visitor',
    );
    expect(next.items.map((p) => p.postId)).toEqual([later.postId]);
    expect(next.nextCursor).toBeUndefined();
  });

  it('lists nearest first with distances when given a location', async () => {
    const far = await w.post({ title: '坦洲家电维修', category: '家电维修', lat: 22.26, lng: 113.46 });
    const near = await w.post({ title: '石岐家电维修', category: '家电维修', lat: 22.52, lng: 113.38 });
    const page = await ok<Page<Post>>(
      w.cloud,
      'posts',
      'list',
      { category: '家电维修', lat: 22.52, lng: 113.39 },
      'visitor',
    );
    expect(page.items.map((p) => p.postId)).toEqual([near.postId, far.postId]);
    expect(page.items[0].distance).toBeGreaterThan(900);
    expect(page.items[0].distance).toBeLessThan(1100);
  });
});

describe('sign-up and waitlist', () => {
  it('confirms up to the quota, then waitlists in order; a repeat changes nothing', async () => {
    const post = await w.post({ quota: 2, title: '助餐服务', category: '助餐' });
    const a = await w.cloud.request<{ ok: true; data: SignupResponse }>(
      'posts',
      { action: 'signup', postId: post.postId },
      'vol-a',
    );
    expect(a.body.data).toEqual({ status: 'confirmed' });
    expect(a.metrics.requests).toBeLessThanOrEqual(5);
    expect(await signup(post.postId, 'vol-b')).toEqual({ status: 'confirmed' });
    expect(await signup(post.postId, 'vol-c')).toEqual({ status: 'waitlisted', position: 1 });
    expect(await signup(post.postId, 'vol-d')).toEqual({ status: 'waitlisted', position: 2 });
    expect(await signup(post.postId, 'vol-a')).toEqual({ status: 'confirmed' });
    const got = await ok<Post & { mySignup: Signup }>(w.cloud, 'posts', 'get', { postId: post.postId }, 'vol-d');
    expect(got).toMatchObject({ confirmedCount: 2, waitlistCount: 2, mySignup: { status: 'waitlisted', position: 2 } });
  });

  it('promotes the first waitlisted when a confirmed volunteer withdraws', async () => {
    const post = await w.post({
      quota: 1,
      title: '陪同就医',
      category: '陪同就医',
      startAt: NOW + 60 * HOUR,
      endAt: NOW + 61 * HOUR,
    });
    await signup(post.postId, 'vol-a');
    await signup(post.postId, 'vol-b');
    await signup(post.postId, 'vol-c');
    expect(await ok(w.cloud, 'posts', 'withdraw', { postId: post.postId }, 'vol-a')).toEqual({ status: 'withdrawn' });
    const roster = await ok<{ items: RosterEntry[] }>(w.cloud, 'posts', 'roster', { postId: post.postId }, 'leader');
    expect(roster.items.map((r) => [r.name, r.status, r.position])).toEqual([
      ['义工b', 'confirmed', undefined],
      ['义工c', 'waitlisted', 1],
    ]);
    expect((await fails(w.cloud, 'posts', 'roster', { postId: post.postId }, 'vol-b')).code).toBe('PERMISSION_DENIED');
    expect(await signup(post.postId, 'vol-a')).toEqual({ status: 'waitlisted', position: 2 });
  });

  it('moves the waitlist up when the leader raises the quota, and answers with the new counts', async () => {
    const post = await w.post({
      quota: 1,
      title: '长者理发',
      category: '义剪',
      startAt: NOW + 80 * HOUR,
      endAt: NOW + 81 * HOUR,
    });
    await signup(post.postId, 'vol-a');
    expect(await signup(post.postId, 'vol-b')).toEqual({ status: 'waitlisted', position: 1 });
    const renamed = await ok<Post>(
      w.cloud,
      'posts',
      'update',
      { postId: post.postId, title: '长者上门理发' },
      'leader',
    );
    expect(renamed).toMatchObject({ title: '长者上门理发', quota: 1, confirmedCount: 1, waitlistCount: 1 });
    const raised = await ok<Post>(w.cloud, 'posts', 'update', { postId: post.postId, quota: 2 }, 'leader');
    expect(raised).toMatchObject({ quota: 2, confirmedCount: 2, waitlistCount: 0 });
    const got = await ok<Post & { mySignup: Signup }>(w.cloud, 'posts', 'get', { postId: post.postId }, 'vol-b');
    expect(got.mySignup.status).toBe('confirmed');
    const lowered = await fails(w.cloud, 'posts', 'update', { postId: post.postId, quota: 1 }, 'leader');
    expect(lowered.fields).toEqual({ quota: '不能少于 2' });
  });

  it('refuses minors on adults-only posts, and names missing specialties', async () => {
    const adults = await w.post({
      adultsOnly: true,
      title: '夜间巡逻',
      category: '其他',
      startAt: NOW + 70 * HOUR,
      endAt: NOW + 71 * HOUR,
    });
    const minor = await fails(w.cloud, 'posts', 'signup', { postId: adults.postId }, 'minor');
    expect(minor).toMatchObject({ code: 'FAILED_PRECONDITION', message: '该服务仅限年满 18 周岁的义工报名' });
    const skilled = await w.post({
      requiredSpecialties: ['理发', '护理'],
      title: '上门义剪',
      category: '义剪',
      startAt: NOW + 72 * HOUR,
      endAt: NOW + 73 * HOUR,
    });
    const unskilled = await fails(w.cloud, 'posts', 'signup', { postId: skilled.postId }, 'vol-a');
    expect(unskilled.message).toBe('该服务需要以下专长之一：理发、护理');
  });

  it('refuses a second confirmed sign-up that overlaps, naming the other post', async () => {
    const first = await w.post({ title: '周六上午探访', startAt: NOW + 120 * HOUR, endAt: NOW + 122 * HOUR });
    const clash = await w.post({
      title: '周六上午义卖',
      category: '义卖',
      startAt: NOW + 121 * HOUR,
      endAt: NOW + 123 * HOUR,
    });
    await signup(first.postId, 'vol-e');
    const error = await fails(w.cloud, 'posts', 'signup', { postId: clash.postId }, 'vol-e');
    expect(error.message).toMatch(/^与已报名的「周六上午探访」（12月3日 09:00）时间冲突$/);
  });

  it('closes sign-up at the deadline and refuses withdrawal after the start', async () => {
    const post = await w.post({
      title: '明早清洁',
      category: '家居清洁',
      startAt: NOW + 2 * HOUR,
      endAt: NOW + 3 * HOUR,
      signupDeadline: NOW + HOUR,
    });
    await signup(post.postId, 'vol-b');
    await w.advance(HOUR + 1);
    expect((await fails(w.cloud, 'posts', 'signup', { postId: post.postId }, 'vol-c')).message).toBe('报名已截止');
    await w.advance(HOUR);
    expect((await fails(w.cloud, 'posts', 'withdraw', { postId: post.postId }, 'vol-b')).code).toBe(
      'FAILED_PRECONDITION',
    );
  });
});
