// 发布招募 as a training (类型 培训): the switch, its topic and trainer fields and their messages, publishing a
// training, and editing one (its kind stays).
import type { Post } from '../../typings/index';
import { loadPage, settle, tap, textOf, waitFor, waitForText, wxCalls, type RenderedPage } from '../helpers/page';
import { HOUR, postsWorld, type PostsWorld } from './posts-world';

async function emit(page: RenderedPage, selector: string, event: string, detail: unknown): Promise<void> {
  const target = page.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}; page shows: ${textOf(page)}`);
  target.dispatchEvent(event, { detail });
  await settle();
}

/** Taps the 类型 chip showing `label`. */
async function kind(page: RenderedPage, label: '服务' | '培训'): Promise<void> {
  const chips = page.querySelectorAll('.pf__kind');
  const chip = chips.find((c) => textOf(c).trim() === label);
  if (!chip) throw new Error(`no 类型 chip ${label}; page shows: ${textOf(page)}`);
  chip.dispatchEvent('tap');
  await settle();
}

describe('发布招募 page: trainings (leader)', () => {
  let world: PostsWorld;
  const formPage = loadPage('leader/pages/post-form/index');

  beforeAll(async () => {
    world = await postsWorld('train');
    world.actAs(world.leader);
  });
  afterAll(() => world.stop());

  it('switches to 培训: topic and trainer instead of the category, checked, then publishes a training', async () => {
    const page = await formPage.open();
    await waitForText(page, 'train石岐博爱大队');
    expect(textOf(page)).toContain('服务类别');
    expect(page.querySelector('#form-topic')).toBeFalsy();
    await kind(page, '培训');
    expect(textOf(page)).not.toContain('服务类别');
    expect(textOf(page)).toContain('培训时长单独记录');
    await emit(page, '#form-title', 'change', '急救技能培训');
    await emit(page, '#form-description', 'change', '心肺复苏和 AED 使用，现场练习。');
    await emit(page, '#form-address', 'change', '石岐区民生路 8 号');
    await emit(page, '#form-start', 'click', {});
    await emit(page, '#form-datetime', 'confirm', Date.now() + 26 * HOUR);
    await tap(page, '#form-submit');
    expect(textOf(page)).toContain('请填写培训主题');
    expect(textOf(page)).toContain('请填写讲师');
    expect(textOf(page)).not.toContain('请选择服务类别');

    await emit(page, '#form-topic', 'change', '心肺复苏与AED');
    await emit(page, '#form-trainer', 'change', '李医生');
    const before = wxCalls.length;
    await tap(page, '#form-submit');
    await waitFor(page, () => wxCalls.slice(before).some((c) => c.api === 'redirectTo'), { what: 'redirectTo' });
    const url = (wxCalls.slice(before).find((c) => c.api === 'redirectTo')!.args as { url: string }).url;
    page.detach();
    const post = await world.ok<Post>('posts', { action: 'get', postId: url.split('postId=')[1] }, world.leader);
    expect(post).toMatchObject({ kind: 'training', category: '培训', topic: '心肺复苏与AED', trainer: '李医生' });
  });

  it('edits a training: its kind stays, the trainer can change', async () => {
    const post = await world.post({ kind: 'training', category: '培训', topic: '防溺水', trainer: '张教练' });
    const page = await formPage.open({ postId: post.postId });
    await waitForText(page, '保存修改');
    expect(textOf(page)).toContain('发布后不能更改');
    await kind(page, '服务');
    expect(page.querySelector('#form-trainer')).toBeTruthy();
    await emit(page, '#form-trainer', 'change', '王教练');
    await tap(page, '#form-submit');
    await waitFor(page, () => wxCalls.at(-1)?.api === 'navigateBack', { what: 'navigateBack', timeoutMs: 3000 });
    page.detach();
    expect(await world.ok<Post>('posts', { action: 'get', postId: post.postId }, world.leader)).toMatchObject({
      kind: 'training',
      trainer: '王教练',
    });
  });
});
