// 招募详情 says whom to contact: the leader's name and masked number for everyone, and 拨打 (the phone call)
// only for those signed up for the post.
import type { Post } from '../../typings/index';
import { loadPage, tap } from '../helpers/page';
import { contactCellOf } from './contact-cell';
import { postsWorld, type PostsWorld } from './posts-world';

describe('the contact cell of a post', () => {
  let world: PostsWorld;
  let post: Post;
  const postPage = loadPage('pages/post/index');

  beforeAll(async () => {
    world = await postsWorld('contact');
    await world.register('contact-signed', '孙七');
    await world.register('contact-other', '郑九');
    post = await world.post({ title: '长者助餐' });
    await world.ok('posts', { action: 'signup', postId: post.postId }, 'contact-signed');
  });
  afterAll(() => world.stop());

  const cellOf = contactCellOf;

  /** The numbers the page asked the phone to call (the simulator has no wx.makePhoneCall). */
  const dialled: string[] = [];
  (globalThis as unknown as { wx: Record<string, unknown> }).wx.makePhoneCall = (o: { phoneNumber: string }) =>
    void dialled.push(o.phoneNumber);

  const openPost = async (openid: string) => {
    world.actAs(openid);
    return postPage.open({ postId: post.postId });
  };

  it.each(['contact-visitor', 'contact-other'])(
    'on a post, %s sees the leader and the masked number, and no 拨打',
    async (openid) => {
      const page = await openPost(openid);
      const { text, call } = await cellOf(page, '#post-contact');
      expect(text).toMatch(/周队长.*136\*\*\*\*0001/);
      expect(call).toBeFalsy();
      page.detach();
    },
  );

  it('a volunteer signed up for the post taps 拨打 and the phone calls the leader', async () => {
    const page = await openPost('contact-signed');
    const { call } = await cellOf(page, '#post-contact');
    await tap(call!, '.van-button');
    expect(dialled).toEqual(['13600000001']);
    page.detach();
  });
});
