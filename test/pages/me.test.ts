// 我的 page against the real local cloud: visitor, registered volunteer, and hq (registered or not).
import { PRIVACY_NOTICE_VERSION, type Envelope } from '../../typings/index';
import { startPageCloud, type PageCloud } from '../helpers/page-cloud';
import { installCloud, loadPage, tap, textOf, waitFor, waitForText, wxCalls } from '../helpers/page';
import { answerModal, tapCell } from './taps';

const HQ = 'demo-hq';
const workbenchLinks = [
  '/hq/pages/dashboard/index',
  '/hq/pages/brigades/index',
  '/hq/pages/honours/index',
  '/leader/pages/scan/index',
];

function register(source: PageCloud, openid: string): Promise<unknown> {
  return source.call(
    'volunteers',
    {
      action: 'register',
      name: '陈小敏',
      mobile: '13800138000',
      town: '石岐区',
      specialties: ['护理'],
      birthYear: 1990,
      privacyConsentVersion: PRIVACY_NOTICE_VERSION,
    },
    openid,
  );
}

describe('我的 page', () => {
  let cloud: PageCloud;
  let openid = '';
  const mePage = loadPage('pages/me/index');

  beforeAll(async () => {
    cloud = await startPageCloud();
    installCloud((name, data) => cloud.call(name, data, openid));
  });

  afterAll(async () => {
    await cloud.stop();
  });

  it('invites a visitor to register, and the button opens the register page', async () => {
    openid = 'page-test-visitor';
    const page = await mePage.open();
    await waitForText(page, '立即登记');
    expect(textOf(page)).toContain('成为博爱义工');
    expect(textOf(page)).not.toContain('义工证号');

    await tap(page, '#me-register');
    expect(wxCalls.at(-1)).toEqual({ api: 'navigateTo', args: { url: '/pages/register/index' } });
    page.detach();
  });

  it('shows a registered volunteer the card number, the masked mobile and the hours', async () => {
    openid = 'page-test-registered';
    const registered = (await register(cloud, openid)) as Envelope<{ cardNo: string }>;
    if (!registered.ok) throw new Error(`register failed: ${JSON.stringify(registered)}`);
    expect(registered.data.cardNo).toMatch(/^ZSBA-\d{4}-\d{6}$/);

    const page = await mePage.open();
    await waitForText(page, registered.data.cardNo);
    const text = textOf(page);
    expect(text).toContain('陈小敏');
    expect(text).toContain('138****8000');
    expect(text).not.toContain('13800138000');
    expect(text).toContain('累计服务（小时）');
    expect(text).not.toContain('立即登记');
    // A new volunteer has no star level: 暂未定级, and no row of pale stars that reads as five stars.
    expect(text).toContain('暂未定级');
    expect(page.dom!.querySelectorAll('[class*="van-rate__icon"]')).toHaveLength(0);
    page.detach();
  });

  it('shows an unregistered hq the 总队工作台 and the invitation, and each entry opens its page', async () => {
    openid = HQ;
    const page = await mePage.open();
    await waitForText(page, '总队工作台');
    const text = textOf(page);
    for (const entry of ['数据总览', '大队管理', '表彰管理', '扫码核验', '重算星级']) expect(text).toContain(entry);
    expect(text).toContain('立即登记');

    const opened: string[] = [];
    for (const id of ['#me-hq-dashboard', '#me-hq-brigades', '#me-hq-honours', '#me-hq-scan']) {
      await tapCell(page, id);
      opened.push((wxCalls.at(-1)?.args as { url: string }).url);
    }
    expect(opened).toEqual(workbenchLinks);
    page.detach();
  });

  it('recomputes the stars after hq confirms, and says how many were checked', async () => {
    openid = HQ;
    const page = await mePage.open();
    await waitForText(page, '重算星级');
    const declined = answerModal(false);
    await tapCell(page, '#me-hq-recompute');
    expect(declined).toHaveLength(1);
    expect(textOf(page)).not.toContain('已核对');

    answerModal(true);
    await tapCell(page, '#me-hq-recompute');
    await waitFor(page, () => textOf(page).includes('已核对'), { what: 'the recompute toast' });
    expect(textOf(page)).toMatch(/已核对 \d+ 名义工，\d+ 人星级有变化/);
    page.detach();
  });

  it('shows a leader the 大队工作台, whose entries open the workbench and 队员管理', async () => {
    openid = 'page-test-leader';
    const leader = (await register(cloud, openid)) as Envelope<{ cardNo: string }>;
    const brigade = (await cloud.call(
      'brigades',
      { action: 'create', name: '石岐博爱大队', town: '石岐区', joinMode: 'open' },
      HQ,
    )) as Envelope<{ brigadeId: string }>;
    if (!leader.ok || !brigade.ok) throw new Error('setup failed');
    await cloud.call(
      'brigades',
      { action: 'setLeader', brigadeId: brigade.data.brigadeId, cardNo: leader.data.cardNo },
      HQ,
    );
    const page = await mePage.open();
    await waitForText(page, '大队工作台');
    const opened: string[] = [];
    for (const id of ['#me-leader-workbench', '#me-leader-members']) {
      await tapCell(page, id);
      opened.push((wxCalls.at(-1)?.args as { url: string }).url);
    }
    expect(opened).toEqual(['/leader/pages/workbench/index', '/leader/pages/members/index']);
    page.detach();
  });

  it('shows a volunteer without hq no 总队工作台', async () => {
    openid = 'page-test-registered';
    const page = await mePage.open();
    await waitForText(page, '义工证号');
    expect(textOf(page)).not.toContain('总队工作台');
    expect(textOf(page)).not.toContain('大队工作台');
    page.detach();
  });

  it('shows the error with a retry when the call fails, and recovers on retry', async () => {
    openid = 'page-test-visitor';
    let failNext = true;
    installCloud(async (name, data) => {
      if (failNext) {
        failNext = false;
        return { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' };
      }
      return cloud.call(name, data, openid);
    });
    const page = await mePage.open();
    await waitForText(page, '系统繁忙，请稍后再试');
    expect(textOf(page)).toContain('重试');

    await tap(page, '#me-retry');
    await waitForText(page, '立即登记');
    page.detach();
    installCloud((name, data) => cloud.call(name, data, openid));
  });

  it('shows a registered hq the volunteer card and the 总队工作台 together', async () => {
    openid = HQ;
    await register(cloud, HQ);
    const page = await mePage.open();
    await waitForText(page, '义工证号');
    const text = textOf(page);
    expect(text).toContain('总队工作台');
    expect(text).toContain('表彰管理');
    expect(text).not.toContain('立即登记');
    page.detach();
  });
});
