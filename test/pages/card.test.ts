// 义工证 against the real local cloud: the number, the name and a QR whose token verifyCard accepts.
import { PRIVACY_NOTICE_VERSION, type Envelope, type Profile, type VerifyCardResponse } from '../../typings/index';
import { startPageCloud, type PageCloud } from '../helpers/page-cloud';
import { installCloudInRealm, loadPage, tap, textOf, waitForText, wxCalls } from '../helpers/page';

describe('义工证 page', () => {
  let cloud: PageCloud;
  let openid = '';
  const cardPage = loadPage('pages/card/index');

  beforeAll(async () => {
    cloud = await startPageCloud();
    installCloudInRealm((name, data) => cloud.call(name, data, openid));
  });
  afterAll(() => cloud.stop());

  it('shows the card number, the name and a mini program code whose token verifies', async () => {
    openid = 'card-holder';
    const reply = (await cloud.call(
      'volunteers',
      {
        action: 'register',
        name: '黄丽华',
        mobile: '13500135000',
        town: '东区',
        specialties: [],
        birthYear: 1985,
        privacyConsentVersion: PRIVACY_NOTICE_VERSION,
      },
      openid,
    )) as Envelope<Profile>;
    if (!reply.ok) throw new Error(reply.message);
    const page = await cardPage.open();
    await waitForText(page, reply.data.cardNo);
    expect(reply.data.cardNo).toMatch(/^ZSBA-\d{4}-\d{6}$/);
    const text = textOf(page);
    expect(text).toContain('黄丽华');
    expect(text).toContain('出示给负责人扫码核验');
    expect(text).toContain('尚未加入大队');
    // 暂未定级 alone: five pale stars would read as five stars.
    expect(text).toContain('暂未定级');
    expect(page.dom!.querySelectorAll('[class*="van-rate__icon"]')).toHaveLength(0);
    expect(text).not.toContain('13500135000');

    // The mini program code (a PNG of the verify page with the card's scene), not a QR of the bare token.
    expect(page.querySelector('#card-code')).toBeTruthy();
    expect(page.querySelector('#card-qr')).toBeFalsy();
    const shown = page.instance.data as { card: { code: string; token: string } };
    expect(shown.card.code).toMatch(/^data:image\/png;base64,/);
    const token = shown.card.token;
    // `<payload b64url>.<HMAC-SHA256 b64url>`: ids only, no name or mobile in the token.
    expect(token).toMatch(/^[\w-]+\.[\w-]{43}$/);
    const payload: unknown = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
    expect(payload).toEqual({ v: reply.data.volunteerId, n: reply.data.cardNo });
    const verified = (await cloud.call(
      'volunteers',
      { action: 'verifyCard', token },
      'a-leader',
    )) as Envelope<VerifyCardResponse>;
    expect(verified).toMatchObject({ ok: true, data: { cardNo: reply.data.cardNo, name: '黄丽华' } });
    page.detach();
  });

  it('invites a visitor to register first', async () => {
    openid = 'card-visitor';
    const page = await cardPage.open();
    await waitForText(page, '立即登记');
    expect(textOf(page)).toContain('登记成为博爱义工后即可领取义工证');
    await tap(page, '#card-register');
    expect(wxCalls.at(-1)).toEqual({
      api: 'navigateTo',
      args: { url: `/pages/register/index?redirect=${encodeURIComponent('/pages/card/index')}` },
    });
    page.detach();
  });
});
