// 我的报名 › 已结束: each past service shows what was recorded for the person (posts.mine's record) instead of the sign-up bar.
import type { Profile } from '../../typings/index';
import { loadPage, tap, textOf, waitForText } from '../helpers/page';
import { postsWorld, type PostsWorld } from './posts-world';
import { DAY, pastPost, recordWithoutCheckin } from './past-post';

describe('我的报名 past services', () => {
  let world: PostsWorld;
  let volunteer: Profile;
  const signupsPage = loadPage('pages/signups/index');

  beforeAll(async () => {
    world = await postsWorld('past');
    volunteer = await world.register('past-v', '钱八');
  });
  afterAll(() => world.stop());

  it('shows 已录入 N 小时 for a recorded service and 暂未录入时长 for one not yet recorded, no sign-up bars', async () => {
    const recorded = await pastPost(world, 'past-v', '社区义剪', 5 * DAY);
    await recordWithoutCheckin(world, recorded, volunteer.volunteerId, 90, 5);
    await pastPost(world, 'past-v', '防汛物资清点', 2 * DAY);
    world.cloud.clock.set(Date.now());

    world.actAs('past-v');
    const page = await signupsPage.open();
    await tap(page, '#signups-tab-past');
    await waitForText(page, '防汛物资清点');
    const text = textOf(page);
    expect(text).toMatch(/防汛物资清点.*暂未录入时长.*社区义剪.*已录入 1\.5 小时/);
    expect(text).not.toMatch(/已报名 \d+\/3/);
    page.detach();
  });
});
