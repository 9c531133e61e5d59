// 我的报名 › 已结束: each past service shows what the person earned instead of the sign-up bar.
import type { Post, Profile } from '../../typings/index';
import { loadPage, tap, textOf, waitForText } from '../helpers/page';
import { HOUR, postsWorld, type PostsWorld } from './posts-world';

const DAY = 24 * HOUR;

describe('我的报名 past services', () => {
  let world: PostsWorld;
  let volunteer: Profile;
  const signupsPage = loadPage('pages/signups/index');

  beforeAll(async () => {
    world = await postsWorld('past');
    volunteer = await world.register('past-v', '钱八');
  });
  afterAll(() => world.stop());

  /** A 2-hour post that started `ago` before now (real time, as the page sees it), signed up by the volunteer. */
  async function pastPost(title: string, ago: number): Promise<Post> {
    world.cloud.clock.set(Date.now() - ago - 48 * HOUR);
    const post = await world.post({ title, quota: 3 });
    await world.ok('posts', { action: 'signup', postId: post.postId }, 'past-v');
    world.cloud.clock.set(post.endAt + HOUR);
    return post;
  }

  it('shows 获得 N 小时 for a recorded service and 暂未录入时长 for one not yet recorded, no sign-up bars', async () => {
    const recorded = await pastPost('社区义剪', 5 * DAY);
    await world.ok(
      'timebank',
      {
        action: 'record',
        postId: recorded.postId,
        entries: [{ volunteerId: volunteer.volunteerId, minutes: 90, rating: 5, reason: '现场未扫码签到' }],
      },
      world.leader,
    );
    await pastPost('防汛物资清点', 2 * DAY);
    world.cloud.clock.set(Date.now());

    world.actAs('past-v');
    const page = await signupsPage.open();
    await tap(page, '#signups-tab-past');
    await waitForText(page, '防汛物资清点');
    const text = textOf(page);
    expect(text).toMatch(/防汛物资清点.*暂未录入时长.*社区义剪.*获得 1\.5 小时/);
    expect(text).not.toMatch(/已报名 \d+\/3/);
    page.detach();
  });
});
