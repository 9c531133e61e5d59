// 发布招募 against the real local cloud: field messages from the page and from the server, then publishing.
import type { Page, Post } from '../../typings/index';
import { loadPage, settle, tap, textOf, waitFor, waitForText, wxCalls, type RenderedPage } from '../helpers/page';
import { HOUR, postsWorld, type PostsWorld } from './posts-world';

const WEEK = 7 * 24 * HOUR;

/** What a user does to a Vant field, switch, stepper or picker: the component emits its event with a detail. */
async function emit(page: RenderedPage, selector: string, event: string, detail: unknown): Promise<void> {
  const target = page.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}; page shows: ${textOf(page)}`);
  target.dispatchEvent(event, { detail });
  await settle();
}

/** Opens the date-time picker of a cell and confirms `ms`. */
async function pick(page: RenderedPage, cell: string, ms: number): Promise<void> {
  await emit(page, cell, 'click', {});
  await emit(page, '#form-datetime', 'confirm', ms);
}

describe('发布招募 page (leader)', () => {
  let world: PostsWorld;
  const formPage = loadPage('leader/pages/post-form/index');

  beforeAll(async () => {
    world = await postsWorld('form');
    world.actAs(world.leader);
  });
  afterAll(() => world.stop());

  it('shows what is missing, then the server’s time message, then publishes a weekly series', async () => {
    const page = await formPage.open();
    await waitForText(page, 'form石岐博爱大队');
    await tap(page, '#form-submit');
    const text = textOf(page);
    for (const message of ['请填写标题', '请填写服务内容', '请选择服务类别', '请填写服务地点', '请选择开始时间']) {
      expect(text).toContain(message);
    }

    await emit(page, '#form-title', 'change', '探访');
    await tap(page, '#form-submit');
    expect(textOf(page)).toContain('标题至少 4 个字');

    await emit(page, '#form-title', 'change', '周末探访独居长者');
    await emit(page, '#form-description', 'change', '两人一组上门陪伴聊天。');
    await tap(page, '.pf__chip'); // 探访慰问
    await emit(page, '#form-address', 'change', '石岐区民生路 8 号');
    const start = Date.now() + 26 * HOUR;
    await pick(page, '#form-start', start);
    expect(textOf(page)).toContain('结束时间'); // the end follows the start by two hours
    await emit(page, '#form-repeat', 'change', true);
    await emit(page, '#form-weeks', 'change', 3);
    expect(textOf(page)).toContain('发布 3 周招募');

    // The cloud's clock is two days ahead of this device: the server refuses a start it sees as past.
    world.cloud.clock.set(Date.now() + 48 * HOUR);
    await tap(page, '#form-submit');
    await waitForText(page, '开始时间需晚于现在');
    expect(wxCalls.filter((c) => c.api === 'redirectTo')).toHaveLength(0);

    world.cloud.clock.set(Date.now());
    const before = wxCalls.length;
    await tap(page, '#form-submit');
    await waitFor(page, () => wxCalls.slice(before).some((c) => c.api === 'redirectTo'), { what: 'redirectTo' });
    const url = (wxCalls.slice(before).find((c) => c.api === 'redirectTo')!.args as { url: string }).url;
    const postId = url.split('postId=')[1];
    page.detach();

    const post = await world.ok<Post>('posts', { action: 'get', postId }, world.leader);
    expect(post).toMatchObject({
      title: '周末探访独居长者',
      category: '探访慰问',
      address: '石岐区民生路 8 号',
      endAt: post.startAt + 2 * HOUR,
      quota: 10,
    });
    // Three weekly posts, one week apart at the same time, all of one series (the one opened is the first).
    const listed = await world.ok<Page<Post>>(
      'posts',
      { action: 'list', brigadeId: post.brigadeId, pageSize: 20 },
      world.leader,
    );
    const series = listed.items.filter((p) => p.title === '周末探访独居长者');
    expect(series.map((p) => p.startAt - post.startAt).sort((a, b) => a - b)).toEqual([0, WEEK, 2 * WEEK]);
    expect(new Set(series.map((p) => p.seriesId))).toEqual(new Set([post.seriesId]));
    expect(post.seriesId).toMatch(/\S/);
  });

  it('edits a post and cancels it with a reason', async () => {
    const post = await world.post({ title: '长者电脑课助教' });
    const page = await formPage.open({ postId: post.postId });
    await waitForText(page, '保存修改');
    // Input values are not DOM text: read what the title field is bound to.
    expect((page.data as { form: { title: string } }).form.title).toBe('长者电脑课助教');
    expect(textOf(page)).toMatch(/开始时间.*\d+月\d+日/);

    await emit(page, '#form-quota', 'change', 6);
    await tap(page, '#form-submit');
    await waitFor(page, () => wxCalls.at(-1)?.api === 'navigateBack', { what: 'navigateBack', timeoutMs: 3000 });
    expect((await world.ok<Post>('posts', { action: 'get', postId: post.postId }, world.leader)).quota).toBe(6);

    await tap(page, '#form-cancel');
    await waitForText(page, '所有报名将被取消');
    await tap(page, '#form-cancel-confirm');
    expect(textOf(page)).toContain('请填写取消原因');
    await emit(page, '#form-reason', 'change', '场地临时关闭');
    await tap(page, '#form-cancel-confirm');
    await waitForText(page, '已通知报名的义工');
    const cancelled = await world.ok<Post>('posts', { action: 'get', postId: post.postId }, world.leader);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '场地临时关闭' });
    page.detach();
  });
});
