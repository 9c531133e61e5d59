// The giving pages against the real local cloud: 爱心企业登记 refuses a credit code with a wrong check character
// under its field and registers a good one (the donor page then shows it 审核中); 物资捐赠 shows a coordinator the
// town's pledge with whom to call, 匹配 to a plan of the town moves it to 待交接 and 已交接 finishes it, while the
// pledger sees it in 我的物资捐赠 and may 撤回 only while it waits.
import { PRIVACY_NOTICE_VERSION, type Envelope } from '../../typings/index';
import { startPageCloud, type PageCloud } from '../helpers/page-cloud';
import { installCloudInRealm, loadPage, tap, textOf, waitFor, waitForText, type RenderedPage } from '../helpers/page';
import { answerModal, emit, tapCell } from './taps';

const HQ = 'demo-hq';
const DAY = 86_400_000;
let cloud: PageCloud;
let caller = 'page-company';

async function ok<T>(name: string, event: Record<string, unknown>, openid: string): Promise<T> {
  const reply = (await cloud.call(name, event, openid)) as Envelope<T>;
  if (!reply.ok) throw new Error(`${name}.${String(event.action)}: ${reply.code} ${reply.message}`);
  return reply.data;
}

/** The text of the i-th pledge card. */
const card = (page: RenderedPage, i: number) => textOf(page.querySelector(`#pl-${i}`) ?? page);

const register = (openid: string, name: string, mobile: string) =>
  ok<{ cardNo: string }>(
    'volunteers',
    {
      action: 'register',
      name,
      mobile,
      town: '石岐区',
      specialties: [],
      birthYear: 1985,
      privacyConsentVersion: PRIVACY_NOTICE_VERSION,
    },
    openid,
  );

beforeAll(async () => {
  cloud = await startPageCloud();
  installCloudInRealm((name, data) => cloud.call(name, data, caller));
});
afterAll(() => cloud.stop());

describe('爱心企业登记', () => {
  const form = loadPage('resources/pages/donor-register/index');

  it('shows a wrong check character under the code, then registers and the donor page shows it 审核中', async () => {
    caller = 'page-company';
    const page = await form.open();
    await emit(page, '#dr-name', 'change', '中山市页面测试有限公司');
    await emit(page, '#dr-code', 'change', '9144030071526726XA');
    await emit(page, '#dr-contact', 'change', '邓经理');
    await emit(page, '#dr-mobile', 'change', '13922220000');
    await tap(page, '#dr-submit');
    await waitForText(page, '校验位不正确');
    await emit(page, '#dr-code', 'change', '9144030071526726XG');
    await tap(page, '#dr-submit');
    await waitForText(page, '已提交，请等待总队审核');
    expect(textOf(page)).not.toContain('校验位不正确');
    page.detach();

    const donor = await loadPage('resources/pages/donor/index').open();
    await waitForText(donor, '中山市页面测试有限公司');
    expect(textOf(donor)).toContain('审核中');
    expect(textOf(donor)).toContain('9144030071526726XG');
    expect(textOf(donor)).toContain('13922220000');
    donor.detach();
  });

  it('a missing field is said before anything is sent', async () => {
    caller = 'page-company-2';
    const page = await form.open();
    await tap(page, '#dr-submit');
    expect(textOf(page)).toContain('请填写企业名称');
    expect(textOf(page)).toContain('请填写 11 位手机号');
    page.detach();
    const mine = await ok<{ donor?: unknown }>('resources', { action: 'myDonor' }, 'page-company-2');
    expect(mine.donor).toBeUndefined();
  });
});

describe('物资捐赠', () => {
  const list = loadPage('resources/pages/pledges/index', { fresh: true });

  beforeAll(async () => {
    const coordinator = await register('page-coordinator', '社工小林', '13800000091');
    await register('page-giver', '黎志远', '13800000092');
    await ok('brigades', { action: 'setCoordinator', town: '石岐区', cardNo: coordinator.cardNo }, HQ);
    const brigade = await ok<{ brigadeId: string }>(
      'brigades',
      { action: 'create', name: '石岐页面测试大队', town: '石岐区', joinMode: 'open' },
      HQ,
    );
    const recipient = await ok<{ recipientId: string }>(
      'needs',
      {
        action: 'saveRecipient',
        name: '梁润好',
        categories: ['独居老人'],
        honorific: '婆',
        town: '石岐区',
        community: '悦来社区',
        address: '石岐区悦来南路 1 号',
        consent: { by: 'self', version: '2026-01' },
        brigadeId: brigade.brigadeId,
      },
      'page-coordinator',
    );
    await ok(
      'needs',
      {
        action: 'savePlan',
        recipientId: recipient.recipientId,
        brigadeId: brigade.brigadeId,
        goals: '冬季慰问',
        services: [
          {
            category: '探访慰问',
            frequency: 'weekly',
            weekday: 2,
            slot: 'morning',
            durationMinutes: 60,
            people: 1,
            startDate: Date.now() + DAY,
          },
        ],
      },
      'page-coordinator',
    );
    const pledge = {
      action: 'savePledge',
      quantity: 3,
      unit: '床',
      condition: 'new',
      town: '石岐区',
      pickupFrom: Date.now() + DAY,
      pickupTo: Date.now() + 3 * DAY,
    };
    await ok('resources', { ...pledge, what: '冬被', requestId: 'page-1' }, 'page-giver');
    await ok('resources', { ...pledge, what: '暖水袋', requestId: 'page-2' }, 'page-giver');
  });

  it('the coordinator sees whom to call, matches to a plan of the town and marks it handed over', async () => {
    caller = 'page-coordinator';
    const page = await list.open({ town: '石岐区' });
    await waitForText(page, '冬被 × 3 床');
    expect(textOf(page)).toContain('捐赠人：黎**');
    expect(textOf(page)).toContain('联系 黎志远 13800000092');
    // Newest first: 暖水袋 (0), then 冬被 (1).
    await tap(page, '#pl-match-1');
    await waitForText(page, '梁婆的服务计划');
    await tapCell(page, '#pl-plan-0');
    await waitFor(page, () => card(page, 1).includes('匹配：梁婆的服务计划'), { what: '冬被 matched' });
    expect(card(page, 1)).toContain('已匹配，待交接');
    expect(card(page, 0)).toContain('待匹配');
    answerModal(true);
    await tap(page, '#pl-hand-1');
    await waitFor(page, () => card(page, 1).includes('已交接'), { what: '冬被 handed over' });
    expect(card(page, 1)).not.toContain('联系');
    page.detach();
  });

  it('the pledger sees both in 我的物资捐赠 and may 撤回 only the one still waiting', async () => {
    caller = 'page-giver';
    const page = await list.open({ mine: '1' });
    await waitForText(page, '暖水袋 × 3 床');
    expect(card(page, 1)).toContain('已交接');
    expect(textOf(page)).not.toContain('联系 黎志远');
    expect(page.querySelector('#pl-withdraw-0')).toBeTruthy();
    expect(page.querySelector('#pl-withdraw-1')).toBeFalsy();
    answerModal(true);
    await tap(page, '#pl-withdraw-0');
    await waitFor(page, () => card(page, 0).includes('已撤回'), { what: '暖水袋 withdrawn' });
    expect(page.querySelector('#pl-withdraw-0')).toBeFalsy();
    page.detach();
  });
});
