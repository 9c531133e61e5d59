// 发布招募 is submitted from the bottom of a long form: a refused submit shows the topmost field with a message.
import { loadPage, settle, tap, waitForText, wxCalls, type RenderedPage } from '../helpers/page';
import { postsWorld, type PostsWorld } from './posts-world';

const scrolledTo = () =>
  wxCalls.filter((c) => c.api === 'pageScrollTo').map((c) => (c.args as { selector?: string }).selector);

async function type(page: RenderedPage, selector: string, value: string): Promise<void> {
  page.querySelector(selector)?.dispatchEvent('change', { detail: value });
  await settle();
}

describe('发布招募 page, refused submit', () => {
  let world: PostsWorld;
  const formPage = loadPage('leader/pages/post-form/index');

  beforeAll(async () => {
    world = await postsWorld('scroll');
    world.actAs(world.leader);
  });
  afterAll(() => world.stop());

  it('scrolls to 标题 on an empty form, then to the next field still missing', async () => {
    const page = await formPage.open();
    await waitForText(page, 'scroll石岐博爱大队');
    wxCalls.length = 0;
    await tap(page, '#form-submit');
    expect(scrolledTo()).toEqual(['#form-title']);
    await type(page, '#form-title', '周末探访独居长者');
    await type(page, '#form-description', '两人一组上门陪伴聊天。');
    await tap(page, '#form-submit');
    expect(scrolledTo()).toEqual(['#form-title', '#form-category']);
  });
});
