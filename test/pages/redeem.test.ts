// 兑换服务 and 我的兑换 against the real local cloud: a volunteer spends banked hours on help for a family member
// (held, shown 冻结中 on 我的时数), a double tap redeems once, and cancelling from the list gives the hours back.
import { RECIPIENT_NOTICE_VERSION, type BalanceResponse, type Page, type Survey } from '../../typings/index';
import { loadPage, settle, tap, textOf, waitForText, type RenderedPage } from '../helpers/page';
import { HQ, postsWorld, type PostsWorld } from './posts-world';
import { answerModal, emit } from './taps';
import { recordService, servedPost } from './timebank-pages-world';

async function press(page: RenderedPage, selector: string): Promise<void> {
  page.querySelector(selector)!.dispatchEvent('click');
  await settle();
}

describe('兑换服务 and 我的兑换 pages', () => {
  let world: PostsWorld;
  const hoursPage = loadPage('pages/hours/index');
  const redeemPage = loadPage('timebank/pages/redeem/index');
  const listPage = loadPage('timebank/pages/redemptions/index');
  const balance = () => world.ok<BalanceResponse>('timebank', { action: 'balance' }, 'redeem-son');

  beforeAll(async () => {
    world = await postsWorld('redeem');
    const son = await world.register('redeem-son', '梁志强');
    const post = await servedPost(world, ['redeem-son'], '社区助餐');
    await recordService(world, post, [{ volunteerId: son.volunteerId, minutes: 90, rating: 5 }]);
  });
  afterAll(() => world.stop());

  it('redeems for a family member once however often it is tapped, and 我的时数 shows the hours held', async () => {
    world.actAs('redeem-son');
    const page = await redeemPage.open();
    await waitForText(page, '最多 1.5 小时');
    expect(textOf(page)).toContain('可兑换余额1.5 小时');

    await press(page, '#redeem-submit');
    expect(textOf(page)).toContain('请选择需要的服务');
    expect(textOf(page)).toContain('请说明需要什么帮助、何时方便');
    await tap(page, '#redeem-category-9');
    await tap(page, '#redeem-for-family');
    await emit(page, '#redeem-note', 'change', '周四上午陪母亲去人民医院复诊');
    await emit(page, '#redeem-hours', 'change', 2);
    await press(page, '#redeem-submit');
    expect(textOf(page)).toContain('余额不足，最多可兑换 1.5 小时');
    expect(textOf(page)).toContain('请填写家人的姓名');

    await emit(page, '#redeem-hours', 'change', 1);
    await emit(page, '#redeem-name', 'change', '梁秀英');
    const submit = page.querySelector('#redeem-submit')!;
    submit.dispatchEvent('click');
    submit.dispatchEvent('click');
    await waitForText(page, '兑换已提交');
    expect(textOf(page)).toContain('1.0 小时已冻结');
    expect(textOf(page)).toContain('当前余额 0.5 小时');
    page.detach();
    expect(await balance()).toMatchObject({ balanceMinutes: 30, heldMinutes: 60, earnedMinutes: 90 });

    const hours = await hoursPage.open();
    await waitForText(hours, '兑换服务：陪同就医');
    expect(textOf(hours)).toContain('冻结中 1.0 小时（兑换待完成）');
    expect(textOf(hours)).toMatch(/兑换\s?兑换服务：陪同就医\s?时间银行兑换.*-1\.0 小时\s?60 分钟/);
    expect(textOf(hours)).toContain('我的兑换');
    hours.detach();
  });

  it('lists the redemption with who it is for, and cancelling it gives the hours back', async () => {
    world.actAs('redeem-son');
    const page = await listPage.open();
    await waitForText(page, '冻结中 · 待社工安排');
    expect(textOf(page)).toMatch(/陪同就医\s?1\.0 小时/);
    expect(textOf(page)).toContain('家人：梁秀英');
    const asked = answerModal(true);
    await press(page, '.redemptions__cancel');
    await waitForText(page, '已取消 · 时长已退回');
    expect(asked).toEqual(['取消后冻结的时长将退回余额。']);
    expect(page.querySelector('.redemptions__cancel')).toBeFalsy();
    page.detach();
    expect(await balance()).toMatchObject({ balanceMinutes: 90, heldMinutes: 0 });
  });

  it('shows the coordinator the need tagged 时间银行兑换, and confirming it delivered spends the held hours', async () => {
    const coordinator = await world.register('redeem-coord', '苏社工');
    await world.ok('brigades', { action: 'setCoordinator', town: '石岐区', cardNo: coordinator.cardNo }, HQ);
    const request = { minutes: 60, category: '助餐', note: '术后一周需要送餐上门', requestId: 'page-redeem-deliver' };
    await world.ok('timebank', { action: 'redeem', ...request }, 'redeem-son');
    const mine = await world.ok<Page<Survey>>('needs', { action: 'surveys', mine: true }, 'redeem-son');
    const surveyId = mine.items.find((s) => s.redemption?.status === 'open')!.surveyId;

    world.actAs('redeem-coord');
    const list = await loadPage('coordinator/pages/surveys/index').open();
    await waitForText(list, '时间银行兑换 1.0 小时');
    expect(textOf(list)).toContain('助餐 · 兑换人 梁志强');
    list.detach();

    await world.ok(
      'needs',
      {
        action: 'saveRecipient',
        name: '梁志强',
        categories: ['困难老人'],
        town: '石岐区',
        community: '悦来社区',
        address: '石岐区悦来南路 20 号',
        consent: { by: 'self', version: RECIPIENT_NOTICE_VERSION },
        surveyId,
      },
      'redeem-coord',
    );
    const review = await loadPage('coordinator/pages/survey/index').open({ surveyId });
    await waitForText(review, '时长冻结中');
    expect(textOf(review)).toContain('时间银行兑换 1.0 小时 · 时长冻结中');
    await press(review, '#survey-redemption-done');
    await waitForText(review, '1.0 小时 · 服务已完成');
    expect(review.querySelector('#survey-redemption-done')).toBeFalsy();
    review.detach();
    expect(await balance()).toMatchObject({ balanceMinutes: 30, heldMinutes: 0, earnedMinutes: 90 });
  });
});
