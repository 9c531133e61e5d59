// 大队详情 says whom to contact: the leader's name and masked number for everyone, and 拨打 (the phone
// call) only for its members and leaders.
import { loadPage } from '../helpers/page';
import { contactCellOf } from './contact-cell';
import { postsWorld, type PostsWorld } from './posts-world';

describe('the contact cell of a brigade', () => {
  let world: PostsWorld;
  const brigadePage = loadPage('pages/brigade/index');

  beforeAll(async () => {
    world = await postsWorld('contact');
    await world.register('contact-signed', '孙七');
    await world.register('contact-other', '郑九');
    const post = await world.post({ title: '长者助餐' });
    await world.ok('posts', { action: 'signup', postId: post.postId }, 'contact-signed');
  });
  afterAll(() => world.stop());

  const cellOf = contactCellOf;

  const openBrigade = async (openid: string, brigadeId = world.brigade.brigadeId) => {
    world.actAs(openid);
    return brigadePage.open({ brigadeId });
  };

  it('the brigade page offers 拨打 to its leader, not to a volunteer who only signed up for a post', async () => {
    let page = await openBrigade('contact-signed');
    const seen = await cellOf(page, '#brigade-contact');
    expect(seen.text).toMatch(/周队长.*136\*\*\*\*0001/);
    expect(seen.call).toBeFalsy();
    page.detach();
    page = await openBrigade(world.leader);
    expect((await cellOf(page, '#brigade-contact')).call).toBeTruthy();
    page.detach();
  });

  it('a brigade without a leader says 暂无联系人', async () => {
    const other = await world.ok<{ brigadeId: string }>(
      'brigades',
      { action: 'create', name: '无人大队', town: '东区', joinMode: 'open' },
      'demo-hq',
    );
    const page = await openBrigade('contact-other', other.brigadeId);
    const { text, call } = await cellOf(page, '#brigade-contact');
    expect(text).toContain('暂无联系人');
    expect(call).toBeFalsy();
    page.detach();
  });
});
