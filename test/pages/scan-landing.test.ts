// The scan landing and Moments against the real local cloud: a scanned poster code opens the verify page, which goes
// on to the post page or the join page as from a poster — the sign-up and the join then count as 海报扫码; an expired
// code says so with a way home; a page opened from Moments (single-page mode) is read-only with a hint.
import type { BrigadePosterResponse, Envelope, OverviewResponse, PostPosterResponse } from '../../typings/index';
import {
  loadPage,
  setLaunchScene,
  tap,
  textOf,
  waitFor,
  waitForText,
  wxCalls,
  type RenderedPage,
} from '../helpers/page';
import { HQ, postsWorld, type PostsWorld } from './posts-world';

describe('scan landing and Moments', () => {
  let world: PostsWorld;
  const verifyPage = loadPage('pages/verify/index', { fresh: true });
  const postPage = loadPage('pages/post/index', { fresh: true });
  const joinPage = loadPage('pages/join/index', { fresh: true });

  const ask = async <T>(name: string, event: Record<string, unknown>, openid: string): Promise<T> => {
    const reply = (await world.cloud.request<Envelope<T>>(name, event, openid)).body;
    if (!reply.ok) throw new Error(`${name}.${String(event.action)}: ${reply.code} ${reply.message}`);
    return reply.data;
  };
  const sources = async () => (await ask<OverviewResponse>('stats', { action: 'overview' }, HQ)).sources;
  /** The page the landing went on to, as a route and its query. */
  const redirected = async (landing: RenderedPage) => {
    await waitFor(landing, () => wxCalls.some((c) => c.api === 'redirectTo'), { what: 'redirectTo' });
    const url = (wxCalls.filter((c) => c.api === 'redirectTo').at(-1)?.args as { url: string }).url;
    const [route, query] = url.split('?');
    return { route, query: Object.fromEntries(new URLSearchParams(query)) };
  };

  const signedUp = (page: RenderedPage) => textOf(page.querySelector('#post-signup')!).includes('已报名');

  beforeAll(async () => {
    world = await postsWorld('scan');
    await world.register('scan-vol', '吴扫码');
    await world.register('moments-vol', '林朋友');
  });
  afterAll(() => world.stop());
  beforeEach(() => {
    wxCalls.length = 0;
  });

  it("a post's poster code leads a volunteer to the post; the sign-up counts as from a poster", async () => {
    const post = await world.post({ title: '海报上的招募' });
    const poster = await ask<PostPosterResponse>('posts', { action: 'poster', postId: post.postId }, world.leader);
    world.actAs('scan-vol');
    const landing = await verifyPage.open({ scene: encodeURIComponent(poster.scene) });
    const next = await redirected(landing);
    expect(next).toEqual({ route: '/pages/post/index', query: { postId: post.postId, source: 'poster' } });
    landing.detach();

    const page = await postPage.open(next.query);
    await waitForText(page, '海报上的招募');
    await tap(page.querySelector('#post-signup')!, '.signup-button__main');
    await waitFor(page, () => signedUp(page), { what: '已报名' });
    expect((await sources()).signups.poster).toBe(1);
    page.detach();
  });

  it("a brigade poster's code leads a visitor to the join page with the invite; the join counts as from a poster", async () => {
    const poster = await ask<BrigadePosterResponse>(
      'brigades',
      { action: 'poster', brigadeId: world.brigade.brigadeId },
      world.leader,
    );
    world.actAs('scan-vol');
    const landing = await verifyPage.open({ scene: poster.scene });
    const next = await redirected(landing);
    expect(next).toEqual({
      route: '/pages/join/index',
      query: { code: poster.inviteCode, brigadeId: world.brigade.brigadeId, source: 'poster' },
    });
    landing.detach();

    const page = await joinPage.open(next.query);
    await waitForText(page, 'scan石岐博爱大队');
    await tap(page, '#join-submit');
    await waitFor(page, () => textOf(page).includes('已加入'), { what: `已加入 after ${world.calls.join(' ')}` });
    expect((await sources()).joins.poster).toBe(1);
    page.detach();
  });

  it('says an expired (revoked) poster code is invalid, with a way home, and goes nowhere', async () => {
    const poster = await ask<BrigadePosterResponse>(
      'brigades',
      { action: 'poster', brigadeId: world.brigade.brigadeId },
      world.leader,
    );
    await ask(
      'brigades',
      { action: 'invite', brigadeId: world.brigade.brigadeId, revokeCode: poster.inviteCode },
      world.leader,
    );
    world.actAs('passer-by');
    const page = await verifyPage.open({ scene: poster.scene });
    await waitForText(page, '二维码无效或已过期');
    expect(wxCalls.some((c) => c.api === 'redirectTo')).toBe(false);
    await tap(page, '#verify-home');
    expect(wxCalls.at(-1)).toEqual({ api: 'switchTab', args: { url: '/pages/feed/index' } });
    page.detach();
  });

  it('shows a post opened from Moments read-only with 前往小程序报名, and shares with the source in the link', async () => {
    const post = await world.post({ title: '朋友圈里的招募' });
    // A visitor who never opened the mini program: the page asks nothing of them but the post.
    world.actAs('moments-visitor');
    setLaunchScene(1154);
    try {
      const page = await postPage.open({ postId: post.postId, source: 'moments' });
      await waitForText(page, '朋友圈里的招募');
      expect(textOf(page)).toContain('前往小程序报名');
      expect(page.querySelector('#post-signup')).toBeFalsy();
      page.detach();
    } finally {
      setLaunchScene(1001);
    }
    // After 前往小程序, a volunteer signs up: it counts as from Moments.
    world.actAs('moments-vol');
    const page = await postPage.open({ postId: post.postId, source: 'moments' });
    await waitForText(page, '朋友圈里的招募');
    expect(textOf(page)).not.toContain('前往小程序报名');
    const instance = page.instance as unknown as {
      onShareTimeline(): { query: string };
      onShareAppMessage(): { path: string };
    };
    expect(instance.onShareTimeline().query).toBe(`postId=${post.postId}&source=moments`);
    expect(instance.onShareAppMessage().path).toBe(`/pages/post/index?postId=${post.postId}&source=chat`);
    await tap(page.querySelector('#post-signup')!, '.signup-button__main');
    await waitFor(page, () => signedUp(page), { what: '已报名' });
    expect((await sources()).signups.moments).toBe(1);
    page.detach();
  });
});
