// 服务情况录入 against the real local cloud: defaults from check-in/out, editing, submitting, the recorded state, and a
// reasoned adjustment.
import type { BalanceResponse } from '../../typings/index';
import { loadPage, settle, tap, textOf, waitForText, type RenderedPage } from '../helpers/page';
import { postsWorld, type PostsWorld } from './posts-world';
import { servedPost } from './timebank-pages-world';

/** The row index of a volunteer on the page (the roster's order). */
const rowOf = (page: RenderedPage, name: string) =>
  (page.data as { rows: { name: string }[] }).rows.findIndex((r) => r.name === name);

/** What a user does to the n-th Vant control matching `selector`: it emits `event` with `detail`. */
async function emitAt(page: RenderedPage, selector: string, n: number, event: string, detail: unknown): Promise<void> {
  const target = page.querySelectorAll(selector)[n];
  if (!target) throw new Error(`no ${selector} #${n}; page shows: ${textOf(page)}`);
  target.dispatchEvent(event, { detail });
  await settle();
}

const balanceOf = (world: PostsWorld, openid: string) =>
  world.ok<BalanceResponse>('timebank', { action: 'balance' }, openid);

describe('服务情况录入 page (leader)', () => {
  let world: PostsWorld;
  const recordPage = loadPage('leader/pages/record/index');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    world = await postsWorld('record');
    for (const [openid, name] of [
      ['record-a', '林一'],
      ['record-b', '陈二'],
      ['record-c', '张三'],
    ]) {
      ids[openid] = (await world.register(openid, name)).volunteerId;
    }
    world.actAs(world.leader);
  });
  afterAll(() => world.stop());

  it('shows the defaults, records the roster, then shows everyone as recorded and adjusts with a reason', async () => {
    const post = await servedPost(world, ['record-a', 'record-b', 'record-c'], '长者饭堂助餐', {
      checkin: ['record-a', 'record-b'],
      checkout: ['record-a'],
    });
    const page = await recordPage.open({ postId: post.postId });
    await waitForText(page, '长者饭堂助餐');
    const text = textOf(page);
    expect(text).toMatch(/林一.*签到 · \d\d:\d\d 签退 · 默认 60 分钟/);
    expect(text).toMatch(/陈二.*签到（未签退） · 默认 110 分钟/);
    expect(text).toMatch(/张三.*未签到 · 默认 0 分钟.*将记为缺席/);
    expect(text).toContain('提交录入（3 人）');

    // Beyond the post's two hours, a reason is asked for; back within them, it goes away.
    const lin = rowOf(page, '林一');
    expect(textOf(page)).not.toContain('录入原因');
    await emitAt(page, `#record-minutes-${lin}`, 0, 'change', 130);
    expect(textOf(page)).toContain('录入原因');
    await emitAt(page, `#record-minutes-${lin}`, 0, 'change', 60);
    expect(textOf(page)).not.toContain('录入原因');

    // 陈二 left early without checking out: the leader corrects the minutes and rates 4.
    const chen = rowOf(page, '陈二');
    await emitAt(page, `#record-minutes-${chen}`, 0, 'change', 90);
    await emitAt(page, `#record-rate-${chen}`, 0, 'change', 4);
    // The service reached 12 recipients: 受益人数 goes with the recording into the brigade's figures.
    expect(textOf(page)).toContain('受益人数');
    await emitAt(page, '#record-people-served', 0, 'change', 12);
    const servedBefore = (
      await world.ok<{ peopleServed: number }>(
        'stats',
        { action: 'brigade', brigadeId: world.brigade.brigadeId },
        world.leader,
      )
    ).peopleServed;
    await tap(page, '#record-submit');
    await waitForText(page, '已录入 · 60 分钟 · 评分 5');
    const servedAfter = (
      await world.ok<{ peopleServed: number }>(
        'stats',
        { action: 'brigade', brigadeId: world.brigade.brigadeId },
        world.leader,
      )
    ).peopleServed;
    expect(servedAfter - servedBefore).toBe(12);
    expect(textOf(page)).toContain('已录入 · 90 分钟 · 评分 4');
    expect(textOf(page)).toContain('已录入 · 缺席');
    expect(textOf(page)).toContain('已全部录入');
    expect(textOf(page)).not.toContain('受益人数');

    expect((await balanceOf(world, 'record-a')).earnedMinutes).toBe(60);
    expect((await balanceOf(world, 'record-b')).earnedMinutes).toBe(90);
    expect((await balanceOf(world, 'record-c')).earnedMinutes).toBe(0);

    // An adjustment needs a reason; then it replaces the recorded minutes.
    await tap(page, `#record-adjust-${rowOf(page, '林一')}`);
    await waitForText(page, '调整林一的服务记录');
    await emitAt(page, '#adjust-minutes', 0, 'change', 75);
    await tap(page, '#adjust-save');
    expect(textOf(page)).toContain('请填写调整原因');
    await emitAt(page, '#adjust-reason', 0, 'change', '签退漏扫，实际服务至 10:25');
    await tap(page, '#adjust-save');
    await waitForText(page, '已录入 · 75 分钟 · 评分 5');
    expect((await balanceOf(world, 'record-a')).balanceMinutes).toBe(75);
    page.detach();

    // Reopened later, the roster says who was recorded: nothing is offered for recording twice.
    const again = await recordPage.open({ postId: post.postId });
    await waitForText(again, '已全部录入');
    expect(textOf(again)).toContain('已录入 · 75 分钟 · 评分 5');
    expect(textOf(again)).toContain('已录入 · 缺席');
    expect(textOf(again)).not.toContain('提交录入（');
    expect((await balanceOf(world, 'record-a')).balanceMinutes).toBe(75);
    again.detach();
  });

  it('says recording opens at the start for a post not started yet', async () => {
    const post = await world.post({ title: '社区义剪' });
    await world.ok('posts', { action: 'signup', postId: post.postId }, 'record-a');
    const page = await recordPage.open({ postId: post.postId });
    await waitForText(page, '社区义剪');
    expect(textOf(page)).toContain('服务开始后才能录入');
    expect(textOf(page)).toMatch(/林一.*未签到/);
    // Nobody is marked absent before the service has even started, and 受益人数 waits for the start too.
    expect(textOf(page)).not.toContain('将记为缺席');
    expect(textOf(page)).not.toContain('受益人数');
    expect(textOf(page)).not.toContain('录入原因');
    const submit = page.querySelector('#record-submit')!;
    expect(submit.dom!.innerHTML).toContain('disabled');
    page.detach();
  });
});
