// 签到签退 against the real local cloud: a confirmed volunteer types the leader's current code.
import { loadPage, settle, tap, textOf, waitForText, type RenderedPage } from '../helpers/page';
import { HOUR, postsWorld, type PostsWorld } from './posts-world';

async function type(page: RenderedPage, code: string): Promise<void> {
  page.querySelector('#checkin-code')!.dispatchEvent('change', { detail: code });
  await settle();
}

describe('签到签退 page', () => {
  let world: PostsWorld;
  const checkinPage = loadPage('pages/checkin/index');

  beforeAll(async () => {
    world = await postsWorld('checkin');
    await world.register('checkin-v', '黄三');
    await world.register('checkin-waiting', '何四');
  });
  afterAll(() => world.stop());

  it('checks in 30 minutes before the start with the typed code, then checks out after the service', async () => {
    const post = await world.post({ quota: 1, title: '敬老院文艺演出' });
    await world.ok('posts', { action: 'signup', postId: post.postId }, 'checkin-v');
    world.actAs('checkin-v');

    // 30 minutes before the start on the cloud's clock: check-in has just opened.
    world.cloud.clock.set(post.startAt - 30 * 60_000);
    const page = await checkinPage.open({ postId: post.postId });
    await waitForText(page, '敬老院文艺演出');
    expect(textOf(page)).toContain('到达现场后签到');

    await type(page, '000000');
    await tap(page, '#checkin-submit');
    await waitForText(page, '签到码不正确或已过期');

    const { code } = await world.ok<{ code: string }>(
      'posts',
      { action: 'checkinCode', postId: post.postId },
      world.leader,
    );
    await type(page, code);
    await tap(page, '#checkin-submit');
    await waitForText(page, '服务结束后签退');
    expect(textOf(page)).toMatch(/已于 \d\d:\d\d 签到/);

    world.cloud.clock.set(post.endAt + 5 * 60_000);
    const later = await world.ok<{ code: string }>(
      'posts',
      { action: 'checkinCode', postId: post.postId },
      world.leader,
    );
    await type(page, later.code);
    await tap(page, '#checkin-submit');
    await waitForText(page, '已签退，感谢你的付出');
    expect(textOf(page)).toContain('本次服务 2.0 小时（120 分钟）');
    page.detach();

    const roster = await world.ok<{ items: { name: string; checkinAt?: number; checkoutAt?: number }[] }>(
      'posts',
      { action: 'roster', postId: post.postId },
      world.leader,
    );
    expect(roster.items[0].name).toBe('黄三');
    expect(roster.items[0].checkinAt).toBeGreaterThanOrEqual(post.startAt - 30 * 60_000);
    expect(roster.items[0].checkinAt).toBeLessThan(post.startAt);
    expect(roster.items[0].checkoutAt).toBeGreaterThan(post.endAt);
  });

  it('tells a waitlisted volunteer that only confirmed sign-ups check in', async () => {
    const startAt = world.cloud.clock.now() + 3 * HOUR;
    const post = await world.post({ quota: 1, title: '义卖摊位值守', startAt, endAt: startAt + HOUR });
    await world.ok('posts', { action: 'signup', postId: post.postId }, 'checkin-v');
    await world.ok('posts', { action: 'signup', postId: post.postId }, 'checkin-waiting');
    world.actAs('checkin-waiting');
    const page = await checkinPage.open({ postId: post.postId });
    await waitForText(page, '你没有该服务的有效报名');
    expect(page.querySelector('#checkin-submit')).toBeFalsy();
    page.detach();
  });
});
