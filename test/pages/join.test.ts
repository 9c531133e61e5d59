// 加入大队 against the real local cloud: hq creates a brigade, its leader invites, a volunteer opens the link.
import {
  PRIVACY_NOTICE_VERSION,
  type Brigade,
  type Envelope,
  type InviteResponse,
  type Profile,
} from '../../typings/index';
import { startPageCloud, type PageCloud } from '../helpers/page-cloud';
import { installCloudInRealm, loadPage, tap, textOf, waitForText, wxCalls } from '../helpers/page';

const HQ = 'demo-hq'; // the local cloud's default HQ_OPENIDS

async function ok<T>(cloud: PageCloud, name: string, event: Record<string, unknown>, openid: string): Promise<T> {
  const reply = (await cloud.call(name, event, openid)) as Envelope<T>;
  if (!reply.ok) throw new Error(`${name}.${String(event.action)}: ${reply.code} ${reply.message}`);
  return reply.data;
}

const registration = (name: string, mobile: string) => ({
  action: 'register',
  name,
  mobile,
  town: '石岐区',
  specialties: [],
  birthYear: 1988,
  privacyConsentVersion: PRIVACY_NOTICE_VERSION,
});

describe('加入大队 page', () => {
  let cloud: PageCloud;
  let openid = '';
  let brigade: Brigade;
  let invite: InviteResponse;
  const joinPage = loadPage('pages/join/index', { fresh: true });

  beforeAll(async () => {
    cloud = await startPageCloud();
    installCloudInRealm((name, data) => cloud.call(name, data, openid));
    const leader = await ok<Profile>(cloud, 'volunteers', registration('周队长', '13800000001'), 'join-leader');
    brigade = await ok<Brigade>(
      cloud,
      'brigades',
      { action: 'create', name: '岐江博爱大队', town: '石岐区', joinMode: 'open' },
      HQ,
    );
    await ok(cloud, 'brigades', { action: 'setLeader', brigadeId: brigade.brigadeId, cardNo: leader.cardNo }, HQ);
    invite = await ok<InviteResponse>(
      cloud,
      'brigades',
      { action: 'invite', brigadeId: brigade.brigadeId },
      'join-leader',
    );
  });
  afterAll(() => cloud.stop());

  it('opened from the invite path, shows the brigade and joins it on tap', async () => {
    openid = 'join-volunteer';
    await ok(cloud, 'volunteers', registration('郑一', '13800000003'), openid);
    const query = Object.fromEntries(new URLSearchParams(invite.path.split('?')[1]));
    const page = await joinPage.open({ ...query, brigadeId: brigade.brigadeId });
    await waitForText(page, '岐江博爱大队');
    expect(textOf(page)).toContain('负责人：周队长');
    expect(textOf(page)).toContain('点击加入即成为队员');

    await tap(page, '#join-submit');
    await waitForText(page, '已加入');
    const got = await ok<Brigade & { myStatus?: string }>(
      cloud,
      'brigades',
      { action: 'get', brigadeId: brigade.brigadeId },
      openid,
    );
    expect(got.myStatus).toBe('active');
    expect(got.memberCount).toBe(2);
    page.detach();
  });

  it('with only the code, joins and then names the brigade', async () => {
    openid = 'join-code-only';
    await ok(cloud, 'volunteers', registration('王二', '13800000004'), openid);
    const page = await joinPage.open({ code: invite.code });
    await waitForText(page, '你收到一份博爱义工大队的邀请');
    await tap(page, '#join-submit');
    await waitForText(page, '已加入');
    await waitForText(page, '岐江博爱大队');
    page.detach();
  });

  it('sends a visitor to register with a way back, and joins once back', async () => {
    openid = 'join-visitor';
    const page = await joinPage.open({ code: invite.code, brigadeId: brigade.brigadeId });
    await waitForText(page, '登记并加入大队');
    await tap(page, '#join-submit');
    const back = `/pages/join/index?code=${invite.code}&brigadeId=${brigade.brigadeId}&source=chat&auto=1`;
    expect(wxCalls.at(-1)).toEqual({
      api: 'navigateTo',
      args: { url: `/pages/register/index?redirect=${encodeURIComponent(back)}` },
    });
    expect(textOf(page)).not.toContain('已加入');

    // The user registers on the register page and comes back (navigateBack shows this page again).
    await ok(cloud, 'volunteers', registration('冯三', '13800000005'), openid);
    (page.instance as unknown as { onShow(): void }).onShow();
    await waitForText(page, '已加入');
    page.detach();
  });

  it('shows why a revoked link cannot be used', async () => {
    openid = 'join-late';
    await ok(cloud, 'volunteers', registration('陈四', '13800000006'), openid);
    const revoked = await ok<InviteResponse>(
      cloud,
      'brigades',
      { action: 'invite', brigadeId: brigade.brigadeId },
      'join-leader',
    );
    await ok(
      cloud,
      'brigades',
      { action: 'invite', brigadeId: brigade.brigadeId, revokeCode: revoked.code },
      'join-leader',
    );
    const page = await joinPage.open({ code: revoked.code, brigadeId: brigade.brigadeId });
    await waitForText(page, '加入大队');
    await tap(page, '#join-submit');
    await waitForText(page, '该邀请链接已被收回，请向大队负责人重新索取');
    expect(textOf(page)).not.toContain('已加入');
    page.detach();
  });

  describe("from the brigade's own page, with no invite", () => {
    const brigadePage = loadPage('pages/brigade/index', { fresh: true });

    it('a volunteer taps 申请加入大队 on a brigade that reviews, and applies from the join page', async () => {
      openid = 'apply-volunteer';
      await ok(cloud, 'volunteers', registration('何五', '13800000007'), openid);
      const reviewed = await ok<Brigade>(
        cloud,
        'brigades',
        { action: 'create', name: '岐江关爱大队', town: '石岐区', joinMode: 'review' },
        HQ,
      );
      const home = await brigadePage.open({ brigadeId: reviewed.brigadeId });
      await waitForText(home, '岐江关爱大队');
      expect(textOf(home.querySelector('#brigade-apply')!)).toBe('申请加入大队');
      expect(textOf(home)).toContain('提交申请后由大队负责人审核');
      await tap(home, '#brigade-apply');
      const url = `/pages/join/index?brigadeId=${reviewed.brigadeId}&source=feed`;
      expect(wxCalls.at(-1)).toEqual({ api: 'navigateTo', args: { url } });
      home.detach();

      const page = await joinPage.open(Object.fromEntries(new URLSearchParams(url.split('?')[1])));
      await waitForText(page, '岐江关爱大队');
      expect(textOf(page)).toContain('申请加入');
      expect(textOf(page)).toContain('申请后需大队负责人审核');
      await tap(page, '#join-submit');
      await waitForText(page, '等待负责人审核');
      const got = await ok<Brigade & { myStatus?: string }>(
        cloud,
        'brigades',
        { action: 'get', brigadeId: reviewed.brigadeId },
        openid,
      );
      expect(got.myStatus).toBe('pending');
      page.detach();

      // Back on the brigade's page: no button, the application shows as waiting.
      const again = await brigadePage.open({ brigadeId: reviewed.brigadeId });
      await waitForText(again, '等待负责人审核');
      expect(again.querySelector('#brigade-apply')).toBeFalsy();
      again.detach();
    });

    it('sends a visitor to register with a way back to the application, and joins an open brigade once back', async () => {
      openid = 'apply-visitor';
      const page = await joinPage.open({ brigadeId: brigade.brigadeId, source: 'moments' });
      await waitForText(page, '登记并加入大队');
      await tap(page, '#join-submit');
      const back = `/pages/join/index?brigadeId=${brigade.brigadeId}&source=moments&auto=1`;
      expect(wxCalls.at(-1)).toEqual({
        api: 'navigateTo',
        args: { url: `/pages/register/index?redirect=${encodeURIComponent(back)}` },
      });
      await ok(cloud, 'volunteers', registration('吕六', '13800000008'), openid);
      (page.instance as unknown as { onShow(): void }).onShow();
      await waitForText(page, '已加入');
      page.detach();
    });
  });
});
