// 我的 page against the real local cloud: visitor and registered volunteer.
import { PRIVACY_NOTICE_VERSION, type Envelope } from '../../typings/index';
import { startPageCloud, type PageCloud } from '../helpers/page-cloud';
import { installCloud, loadPage, tap, textOf, waitForText, wxCalls } from '../helpers/page';

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
});
