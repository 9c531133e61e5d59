// 家的位置 on 我的资料 against the real local cloud: picked on the map, only the coordinates are stored, 清除 forgets.
import type { MeResponse } from '../../typings/index';
import { loadPage, textOf, waitFor, waitForText } from '../helpers/page';
import { postsWorld, type PostsWorld } from './posts-world';
import { g } from './subscribe-prompt';
import { tapCell } from './taps';

let world: PostsWorld;
const profilePage = loadPage('pages/profile/index');
const me = () => world.ok<MeResponse>('volunteers', { action: 'me' }, 'home-owner');

beforeAll(async () => {
  world = await postsWorld('home');
  await world.register('home-owner', '梁安家');
});
afterAll(() => world.stop());
afterEach(() => delete g.wx.chooseLocation);

it('saves the picked coordinates (never the address) and clears them', async () => {
  g.wx.chooseLocation = (opts: { success?: (r: object) => void }) =>
    opts.success?.({ latitude: 22.521, longitude: 113.381, name: '悦来花园', address: '石岐区悦来南路 8 号' });
  world.actAs('home-owner');
  const page = await profilePage.open();
  await waitForText(page, '未设置');
  await tapCell(page, '#profile-home');
  await waitForText(page, '已设置');
  expect((await me()).profile).toMatchObject({ lat: 22.521, lng: 113.381 });
  expect(JSON.stringify((await me()).profile)).not.toContain('悦来南路');
  await tapCell(page, '#profile-home-clear');
  await waitFor(page, () => textOf(page).includes('未设置'));
  expect((await me()).profile?.lat).toBeUndefined();
  page.detach();
});
