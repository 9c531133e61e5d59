// 我的时数 and 转赠时数 against the real local cloud: the balance and ledger after a recorded service, then a
// confirmed transfer that a double tap does not repeat.
import type { BalanceResponse } from '../../typings/index';
import { loadPage, settle, textOf, waitFor, waitForText, type RenderedPage } from '../helpers/page';
import { postsWorld, type PostsWorld } from './posts-world';
import { recordService, servedPost } from './timebank-pages-world';

/** Vant's button emits `click` to the page (its inner button is not reachable inside page-state's slot here). */
async function press(page: RenderedPage, selector: string): Promise<void> {
  page.querySelector(selector)!.dispatchEvent('click');
  await settle();
}

async function type(page: RenderedPage, selector: string, value: string): Promise<void> {
  page.querySelector(selector)!.dispatchEvent('change', { detail: value });
  await settle();
}

describe('我的时数 and 转赠时数 pages', () => {
  let world: PostsWorld;
  const hoursPage = loadPage('pages/hours/index');
  const transferPage = loadPage('pages/transfer/index');
  let giverId = '';
  let neighbourCard = '';

  beforeAll(async () => {
    world = await postsWorld('hours');
    giverId = (await world.register('hours-giver', '梁五')).volunteerId;
    neighbourCard = (await world.register('hours-neighbour', '陈婆婆')).cardNo;
    const post = await servedPost(world, ['hours-giver'], '敬老院探访');
    await recordService(world, post, [{ volunteerId: giverId, minutes: 90, rating: 5 }]);
  });
  afterAll(() => world.stop());

  it('shows the balance and the credit in the ledger after a recorded service', async () => {
    world.actAs('hours-giver');
    const page = await hoursPage.open();
    await waitForText(page, '敬老院探访');
    expect(page.querySelector('#hours-balance')!.dom!.textContent).toBe('1.5');
    const text = textOf(page);
    expect(text).toMatch(/1\.5\s?累计服务\s?0\.0\s?已转赠\s?0\.0\s?受赠/);
    expect(text).toMatch(/服务\s?敬老院探访\s?hours石岐博爱大队.*\+1\.5 小时\s?90 分钟/);
    page.detach();
  });

  it('transfers after a confirmation naming the card number and amount, once however often it is tapped', async () => {
    world.actAs('hours-giver');
    const page = await transferPage.open();
    await waitForText(page, '共 90 分钟');
    expect(textOf(page)).toContain('可转赠余额1.5 小时');

    await press(page, '#transfer-submit');
    expect(textOf(page)).toContain('请填写对方的义工证号');
    await type(page, '#transfer-card', neighbourCard);
    await type(page, '#transfer-minutes', '120');
    await press(page, '#transfer-submit');
    expect(textOf(page)).toContain('余额不足，最多可转赠 90 分钟');

    await type(page, '#transfer-minutes', '30');
    await type(page, '#transfer-note', '给楼下的陈婆婆');
    await press(page, '#transfer-submit');
    await waitForText(page, '请核对义工证号');
    expect(page.querySelector('#transfer-confirm-card')!.dom!.textContent).toBe(neighbourCard);
    expect(textOf(page)).toContain('30 分钟（0.5 小时）');

    // A double tap: both reach the handler before the reply.
    const confirm = page.querySelector('#transfer-confirm')!;
    confirm.dispatchEvent('click');
    confirm.dispatchEvent('click');
    await waitForText(page, '转赠成功');
    expect(textOf(page)).toContain(`已将 30 分钟（0.5 小时） 转赠给 陈婆婆（${neighbourCard}）`);
    expect(textOf(page)).toContain('当前余额 1.0 小时');
    page.detach();

    const giver = await world.ok<BalanceResponse>('timebank', { action: 'balance' }, 'hours-giver');
    const neighbour = await world.ok<BalanceResponse>('timebank', { action: 'balance' }, 'hours-neighbour');
    expect(giver).toMatchObject({ balanceMinutes: 60, donatedMinutes: 30, earnedMinutes: 90 });
    expect(neighbour).toMatchObject({ balanceMinutes: 30, receivedMinutes: 30, earnedMinutes: 0 });

    const hours = await hoursPage.open();
    await waitForText(hours, '转赠给 陈婆婆');
    expect(textOf(hours)).toMatch(/转赠给 陈婆婆.*给楼下的陈婆婆.*-0\.5 小时\s?30 分钟/);
    await waitFor(hours, () => hours.querySelector('#hours-balance')!.dom!.textContent === '1.0', { what: '1.0' });
    hours.detach();
  });
});
