// 招募详情 in every state: before the start, under way, ended, and recorded with what the volunteer earned.
import type { Profile } from '../../typings/index';
import { loadPage, textOf, waitForText } from '../helpers/page';
import { HOUR, postsWorld, type PostsWorld } from './posts-world';
import { DAY, pastPost, recordWithoutCheckin } from './past-post';

describe('招募详情 states', () => {
  let world: PostsWorld;
  let volunteer: Profile;
  const postPage = loadPage('pages/post/index');

  beforeAll(async () => {
    world = await postsWorld('states');
    volunteer = await world.register('states-v', '郑五');
  });
  afterAll(() => world.stop());

  it('before the start: 未开始, the quota and the sign-up button', async () => {
    world.cloud.clock.set(Date.now());
    const post = await world.post({ title: '周末义诊', quota: 3 });
    world.actAs('states-v');
    const page = await postPage.open({ postId: post.postId });
    await waitForText(page, '周末义诊');
    expect(textOf(page.querySelector('#post-state')!)).toBe('未开始');
    expect(textOf(page)).toContain('0/3 人已报名');
    expect(page.querySelector('#post-signup')).toBeTruthy();
    page.detach();
  });

  it('ended two weeks ago: 已结束, no quota left and no green 已报名', async () => {
    const post = await pastPost(world, 'states-v', '河涌清洁行动', 14 * DAY);
    world.actAs('states-v');
    const page = await postPage.open({ postId: post.postId });
    await waitForText(page, '河涌清洁行动');
    expect(textOf(page.querySelector('#post-state')!)).toBe('已结束');
    expect(textOf(page)).not.toContain('名额');
    expect(textOf(page)).not.toContain('人已报名');
    expect(page.querySelector('#post-signup')).toBeFalsy();
    expect(textOf(page.querySelector('#post-done')!)).toBe('已结束');
    expect(textOf(page.querySelector('#post-earned')!)).toBe('服务时长待负责人录入');
    page.detach();
  });

  it('recorded: 已录入 with the hours and the rating the volunteer got', async () => {
    const post = await pastPost(world, 'states-v', '长者生日会', 3 * DAY);
    await recordWithoutCheckin(world, post, volunteer.volunteerId, 90, 4);
    world.actAs('states-v');
    const page = await postPage.open({ postId: post.postId });
    await waitForText(page, '长者生日会');
    expect(textOf(page.querySelector('#post-state')!)).toBe('已录入 1.5 小时');
    expect(textOf(page.querySelector('#post-earned')!)).toBe('服务 1.5 小时 · 评分 4');
    expect(page.querySelector('#post-signup')).toBeFalsy();
    page.detach();
  });

  it('under way: 进行中 without the sign-up button', async () => {
    world.cloud.clock.set(Date.now() - 48 * HOUR - HOUR);
    const post = await world.post({ title: '社区防诈宣传', quota: 3 });
    world.cloud.clock.set(Date.now());
    world.actAs('states-v');
    const page = await postPage.open({ postId: post.postId });
    await waitForText(page, '社区防诈宣传');
    expect(textOf(page.querySelector('#post-state')!)).toBe('进行中');
    expect(page.querySelector('#post-signup')).toBeFalsy();
    page.detach();
  });
});
