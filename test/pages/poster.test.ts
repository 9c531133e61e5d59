// 生成海报 against the real local cloud: the post's and the brigade's poster codes, drawn on a canvas that
// records what it shows; saving asks again for the album when it was refused; sharing opens WeChat's menu.
import type { PostPosterResponse } from '../../typings/api/posts';
import { albumAnswers, drawn, installCanvas, resetDrawn, settings } from '../helpers/canvas';
import { loadPage, tap, waitFor, waitForText, wxCalls, type RenderedPage } from '../helpers/page';
import { postsWorld, type PostsWorld } from './posts-world';

const TITLE = '长者智能手机与电脑兴趣班助教招募，每周三上午暖阳中心欢迎你来';
const posterOf = (page: RenderedPage) => page.querySelector('#poster')!;
const said = () => drawn.texts.map((t) => t.text);
const called = (api: string) => wxCalls.filter((c) => c.api === api);

/** Under a full test run the local cloud answers slowly; the waits allow for it. */
const SLOW = 10_000;

describe('海报', () => {
  let world: PostsWorld;
  let page: RenderedPage;
  const postPage = loadPage('pages/post/index');

  beforeAll(async () => {
    world = await postsWorld('poster');
    await world.register('poster-v', '陈一');
    installCanvas();
  });
  afterAll(() => world.stop());
  beforeEach(() => resetDrawn());

  it("draws a post's poster: a 30-character title whole in 3 lines, time, place, places left, its code", async () => {
    expect(Array.from(TITLE)).toHaveLength(30);
    const post = await world.post({ title: TITLE, quota: 3 });
    world.actAs('poster-v');
    page = await postPage.open({ postId: post.postId });
    await waitForText(page, '生成海报', SLOW);
    await tap(page, '#post-poster');
    await waitFor(page, () => said().includes('长按或扫码报名'), { what: 'the poster drawn', timeoutMs: SLOW });

    expect(world.calls).toContain('posts.poster');
    const titleLines = drawn.texts.filter((t) => t.font.startsWith('bold 52px'));
    expect(titleLines.length).toBeLessThanOrEqual(3);
    expect(titleLines.map((t) => t.text).join('')).toBe(TITLE);
    expect(said()).toEqual(
      expect.arrayContaining(['义工招募', '还剩 3 个', '石岐区悦来南路 1 号', '博爱义工 · 中山市博爱行动']),
    );
    expect(said().join('')).toContain('poster石岐博爱大队');
    // The mini program code from posts.poster, written to a file first (data URLs do not load on every phone).
    const code = await world.ok<PostPosterResponse>('posts', { action: 'poster', postId: post.postId }, 'poster-v');
    const written = called('writeFile').at(-1)!.args as { data: string; encoding: string; filePath: string };
    expect(code.code).toBe(`data:image/png;base64,${written.data}`);
    expect(drawn.images).toEqual([written.filePath]);
  });

  it('saves to the album, and when the album was refused explains and opens the settings, then saves', async () => {
    const before = called('saveImageToPhotosAlbum').length;
    albumAnswers.push('denied', 'ok');
    settings.writePhotosAlbum = true;
    await tap(posterOf(page), '#poster-save');
    await waitFor(page, () => called('saveImageToPhotosAlbum').length === before + 2, {
      what: 'the second save',
      timeoutMs: SLOW,
    });
    const modal = called('showModal').at(-1)!.args as { title: string; content: string; confirmText: string };
    expect(modal).toMatchObject({ title: '需要相册权限', confirmText: '去设置' });
    expect(called('openSetting')).toHaveLength(1);
    const saved = called('saveImageToPhotosAlbum').at(-1)!.args as { filePath: string };
    expect(saved.filePath).toBe('wxfile://tmp/poster.png');
    await waitFor(page, () => called('showToast').some((c) => (c.args as { title: string }).title === '已保存到相册'), {
      timeoutMs: SLOW,
    });
  });

  it('stays put when the album stays refused, and shares through the share-image menu', async () => {
    const before = called('saveImageToPhotosAlbum').length;
    albumAnswers.push('denied');
    settings.writePhotosAlbum = false;
    await tap(posterOf(page), '#poster-save');
    await waitFor(page, () => called('openSetting').length === 2, {
      what: 'the settings opened again',
      timeoutMs: SLOW,
    });
    expect(called('saveImageToPhotosAlbum')).toHaveLength(before + 1);

    await tap(posterOf(page), '#poster-share');
    await waitFor(page, () => called('showShareImageMenu').length === 1, { what: 'the share menu', timeoutMs: SLOW });
    expect(called('showShareImageMenu')[0].args).toMatchObject({ path: 'wxfile://tmp/poster.png' });
  });
});
