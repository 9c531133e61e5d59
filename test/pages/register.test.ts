// 注册 against the real local cloud: client-side checks, the server's field messages, success and the way back.
import type { Envelope, MeResponse } from '../../typings/index';
import { startPageCloud, type PageCloud } from '../helpers/page-cloud';
import {
  installCloudInRealm,
  loadPage,
  settle,
  tap,
  textOf,
  waitFor,
  waitForText,
  wxCalls,
  type RenderedPage,
} from '../helpers/page';

/** What a user does to a Vant field or picker: the component emits its event with a detail. */
async function emit(page: RenderedPage, selector: string, event: string, detail: unknown): Promise<void> {
  const target = page.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent(event, { detail });
  await settle();
}

const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

async function fillAdult(page: RenderedPage, mobile: string): Promise<void> {
  await emit(page, '#reg-name', 'change', '陈小敏');
  await emit(page, '#reg-mobile', 'change', mobile);
  await emit(page, '#reg-town-picker', 'confirm', { value: '石岐区', index: 0 });
  await emit(page, '#reg-year-picker', 'confirm', { value: 1990, index: year - 6 - 1990 });
  await tap(page, '.reg__chip'); // the first specialty: 医疗
  await tap(page, '.reg__slot'); // Monday morning
  await emit(page, '#reg-consent', 'change', true);
}

describe('注册 page', () => {
  let cloud: PageCloud;
  let openid = '';
  let registerCalls = 0;
  const registerPage = loadPage('pages/register/index');

  beforeAll(async () => {
    cloud = await startPageCloud();
    installCloudInRealm((name, data) => {
      if (name === 'volunteers' && data.action === 'register') registerCalls += 1;
      return cloud.call(name, data, openid);
    });
  });
  afterAll(() => cloud.stop());

  it('shows what is missing under each field before calling the server', async () => {
    openid = 'reg-empty';
    const page = await registerPage.open();
    await waitForText(page, '提交登记');
    await tap(page, '#reg-submit');
    const text = textOf(page);
    for (const message of [
      '请填写姓名',
      '请填写手机号',
      '请选择所在镇区',
      '请选择出生年份',
      '请阅读并同意隐私保护指引',
    ]) {
      expect(text).toContain(message);
    }
    expect(registerCalls).toBe(0);

    await emit(page, '#reg-mobile', 'change', '12345');
    await tap(page, '#reg-submit');
    expect(textOf(page)).toContain('手机号格式不正确，请填写 11 位手机号');
    expect(textOf(page)).not.toContain('请填写手机号');
    expect(registerCalls).toBe(0);
    page.detach();
  });

  it('asks for a guardian under 18, and shows the server’s message under the guardian’s mobile', async () => {
    openid = 'reg-minor';
    const page = await registerPage.open();
    await waitForText(page, '提交登记');
    expect(textOf(page)).not.toContain('监护人信息');
    await fillAdult(page, '13900139000');
    await emit(page, '#reg-year-picker', 'confirm', { value: year - 15, index: 9 });
    expect(textOf(page)).toContain('监护人信息');

    await tap(page, '#reg-submit');
    expect(textOf(page)).toContain('请填写监护人姓名');
    expect(textOf(page)).toContain('请确认监护人已同意');
    expect(registerCalls).toBe(0);

    await emit(page, '#reg-guardian-name', 'change', '陈大文');
    await emit(page, '#reg-guardian-mobile', 'change', '13900139000'); // the minor's own number: the server refuses
    await emit(page, '#reg-guardian-consent', 'change', true);
    await tap(page, '#reg-submit');
    await waitForText(page, '监护人手机号不能与本人相同');
    expect(registerCalls).toBe(1);
    expect(wxCalls.filter((c) => c.api === 'switchTab')).toHaveLength(0);
    page.detach();
  });

  it('registers an adult and goes to 我的', async () => {
    openid = 'reg-adult';
    const before = wxCalls.length;
    const page = await registerPage.open();
    await waitForText(page, '提交登记');
    await fillAdult(page, '13700137000');
    await tap(page, '#reg-submit');
    await waitFor(page, () => wxCalls.slice(before).some((c) => c.api === 'switchTab'), { what: 'switchTab' });
    expect(wxCalls.slice(before).find((c) => c.api === 'switchTab')!.args).toEqual({ url: '/pages/me/index' });

    const me = (await cloud.call('volunteers', { action: 'me' }, openid)) as Envelope<MeResponse>;
    if (!me.ok) throw new Error(me.message);
    expect(me.data.registered).toBe(true);
    expect(me.data.profile).toMatchObject({ name: '陈小敏', town: '石岐区', specialties: ['医疗'], birthYear: 1990 });
    expect(me.data.profile!.availability).toEqual([{ weekday: 1, slot: 'morning' }]);
    page.detach();

    // Coming back to the page later: it says so instead of offering the form again.
    const again = await registerPage.open();
    await waitForText(again, me.data.cardNo!);
    expect(textOf(again)).toContain('你已是博爱义工');
    again.detach();
  });

  it('goes back to the page that sent the user here (the join page passes redirect)', async () => {
    openid = 'reg-redirect';
    const before = wxCalls.length;
    const target = '/pages/join/index?code=ABCDEFGH23&auto=1';
    const page = await registerPage.open({ redirect: encodeURIComponent(target) });
    await waitForText(page, '提交登记');
    await fillAdult(page, '13600136000');
    await tap(page, '#reg-submit');
    await waitFor(page, () => wxCalls.slice(before).some((c) => c.api === 'redirectTo'), { what: 'redirectTo' });
    expect(wxCalls.slice(before).find((c) => c.api === 'redirectTo')!.args).toEqual({ url: target });
    page.detach();
  });
});
