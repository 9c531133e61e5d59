// 微心愿墙 and 心愿详情 against the real local cloud: the wall shows who (by 称呼 only), what, value and days left;
// 认领 asks first, then makes the caller the one claimer; others see the wish taken; 上传完成照片 uploads the chosen
// photo; the poster's side confirms (确认收到并致谢) and sees 修改 while pending.
import { loadPage, settle, tap, textOf, waitForText, wxCalls } from '../helpers/page';
import { g } from './subscribe-prompt';
import { wishesPages } from './wishes-world';

const pages = wishesPages();
const world = () => pages.world();
afterEach(() => delete g.wx.showModal);

/** wx.showModal answered as a user would: records the dialog and confirms (or cancels). */
function modalAnswering(confirm: boolean): { title: string; content?: string }[] {
  const shown: { title: string; content?: string }[] = [];
  g.wx.showModal = (opts: { title: string; content?: string; success?: (r: { confirm: boolean }) => void }) => {
    shown.push({ title: opts.title, content: opts.content });
    opts.success?.({ confirm });
  };
  return shown;
}

describe('微心愿墙', () => {
  it('shows published wishes with 称呼, value and days left — never the name, address or a pending wish', async () => {
    const wishId = await world().wish('一台小型电暖器');
    await world().wish('一床厚棉被（待审核）', {}, true);
    pages.actAs('page-visitor');
    const page = await loadPage('resources/pages/wall/index').open();
    await waitForText(page, '一台小型电暖器');
    const text = textOf(page);
    expect(text).toContain('陈婆 · 石岐区 · 悦来社区');
    expect(text).toContain('约 200 元');
    expect(text).toContain('还剩 30 天');
    expect(text).not.toMatch(/陈桂英|悦来南路|13612345678|待审核/);
    await tap(page, '#wish-0');
    expect(wxCalls.at(-1)).toEqual({
      api: 'navigateTo',
      args: { url: `/resources/pages/wish/index?wishId=${wishId}` },
    });
    await settle();
    page.detach();
  });
});

describe('心愿详情', () => {
  it('认领 asks first; the claimer then gets 上传完成照片 and others see it taken, the claimer masked', async () => {
    const wishId = await world().wish('一台收音机');
    await world().register('page-giver', '黄志明', '13800138041');
    await world().register('page-late', '罗嘉怡', '13800138042');
    pages.actAs('page-giver');
    const cancelled = modalAnswering(false);
    const page = await loadPage('resources/pages/wish/index', { fresh: true }).open({ wishId });
    await waitForText(page, '一台收音机');
    await tap(page, '#wish-claim');
    await settle();
    expect(cancelled.map((m) => m.title)).toEqual(['认领这个心愿？']);
    expect(textOf(page)).toContain('待认领');
    const shown = modalAnswering(true);
    await tap(page, '#wish-claim');
    await waitForText(page, '上传完成照片');
    expect(shown[0].content).toContain('14 天内');
    expect(textOf(page)).toContain('黄志明 认领');
    page.detach();

    pages.actAs('page-late');
    const other = await loadPage('resources/pages/wish/index', { fresh: true }).open({ wishId });
    await waitForText(other, '认领中');
    expect(textOf(other)).toContain('黄** 认领');
    expect(other.querySelector('#wish-claim')).toBeFalsy();
    expect(other.querySelector('#wish-fulfil')).toBeFalsy();
    await settle();
    other.detach();
  });

  it('上传完成照片 sends the chosen photo; the poster’s side then 确认收到并致谢 and the wish shows 已圆梦', async () => {
    const wishId = await world().wish('一台电风扇');
    await world().register('page-helper', '何热心', '13800138043');
    await world().data('resources', { action: 'claimWish', wishId, requestId: 'page-fulfil' }, 'page-helper');
    pages.actAs('page-helper');
    const page = await loadPage('resources/pages/wish/index', { fresh: true }).open({ wishId });
    await waitForText(page, '上传完成照片');
    await tap(page, '#wish-fulfil');
    await waitForText(page, '待确认', 5000);
    expect(wxCalls.map((c) => c.api)).toEqual(expect.arrayContaining(['chooseMedia', 'cloud.uploadFile']));
    page.detach();
    await world().cloud.cloud.mediaChecks.settle();

    pages.actAs('page-coordinator');
    const shown = modalAnswering(true);
    const poster = await loadPage('resources/pages/wish/index', { fresh: true }).open({ wishId });
    await waitForText(poster, '确认收到并致谢');
    expect(poster.querySelectorAll('.wish__photo')).toHaveLength(1);
    await tap(poster, '#wish-confirm');
    await waitForText(poster, '已圆梦');
    expect(shown.map((m) => m.title)).toEqual(['确认收到并致谢']);
    expect(poster.querySelector('#wish-confirm')).toBeFalsy();
    await settle();
    poster.detach();
  });

  it('shows the poster’s side a pending wish with 修改, and hides it from everyone else', async () => {
    const wishId = await world().wish('一台电饭煲', {}, true);
    pages.actAs('page-coordinator');
    const page = await loadPage('resources/pages/wish/index', { fresh: true }).open({ wishId });
    await waitForText(page, '待审核');
    expect(page.querySelector('#wish-edit')).toBeTruthy();
    expect(page.querySelector('#wish-claim')).toBeFalsy();
    page.detach();
    pages.actAs('page-visitor');
    const hidden = await loadPage('resources/pages/wish/index', { fresh: true }).open({ wishId });
    await waitForText(hidden, '心愿不存在或尚未公开');
    hidden.detach();
  });
});
