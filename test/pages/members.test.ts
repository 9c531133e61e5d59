// 成员管理 against the real local cloud: a leader approves a pending member and sees full mobiles.
import {
  PRIVACY_NOTICE_VERSION,
  type Brigade,
  type Envelope,
  type InviteResponse,
  type Profile,
} from '../../typings/index';
import { startPageCloud, type PageCloud } from '../helpers/page-cloud';
import { installCloudInRealm, loadPage, tap, textOf, waitFor, waitForText } from '../helpers/page';

const HQ = 'demo-hq';

async function ok<T>(cloud: PageCloud, name: string, event: Record<string, unknown>, openid: string): Promise<T> {
  const reply = (await cloud.call(name, event, openid)) as Envelope<T>;
  if (!reply.ok) throw new Error(`${name}.${String(event.action)}: ${reply.code} ${reply.message}`);
  return reply.data;
}

const registration = (name: string, mobile: string) => ({
  action: 'register',
  name,
  mobile,
  town: '东区',
  specialties: [],
  birthYear: 1980,
  privacyConsentVersion: PRIVACY_NOTICE_VERSION,
});

describe('成员管理 page (leader)', () => {
  let cloud: PageCloud;
  let brigade: Brigade;
  const membersPage = loadPage('leader/pages/members/index');

  beforeAll(async () => {
    cloud = await startPageCloud();
    installCloudInRealm((name, data) => cloud.call(name, data, 'members-leader'));
    const leader = await ok<Profile>(cloud, 'volunteers', registration('吴队长', '13800000011'), 'members-leader');
    brigade = await ok<Brigade>(
      cloud,
      'brigades',
      { action: 'create', name: '东区审核大队', town: '东区', joinMode: 'review' },
      HQ,
    );
    await ok(cloud, 'brigades', { action: 'setLeader', brigadeId: brigade.brigadeId, cardNo: leader.cardNo }, HQ);
    const invite = await ok<InviteResponse>(
      cloud,
      'brigades',
      { action: 'invite', brigadeId: brigade.brigadeId },
      'members-leader',
    );
    await ok(cloud, 'volunteers', registration('林小华', '13800000012'), 'members-applicant');
    await ok(cloud, 'brigades', { action: 'join', code: invite.code }, 'members-applicant');
  });
  afterAll(() => cloud.stop());

  it('approves a pending member, who then shows among the active members with a callable number', async () => {
    const page = await membersPage.open(); // from 我的: no brigadeId, the page finds the brigade the caller leads
    await waitForText(page, '林小华');
    expect(textOf(page)).toContain('东区审核大队');
    expect(textOf(page)).toContain('138****0012'); // an applicant does not belong yet: masked

    await tap(page, '.member__approve');
    await waitFor(page, () => !textOf(page).includes('林小华'), { what: 'the application to leave the list' });
    expect(textOf(page)).toContain('暂无待审核的入队申请');
    const got = await ok<Brigade>(
      cloud,
      'brigades',
      { action: 'get', brigadeId: brigade.brigadeId },
      'members-applicant',
    );
    expect((got as Brigade & { myStatus?: string }).myStatus).toBe('active');

    await tap(page, '#members-tab-active');
    await waitForText(page, '林小华');
    const calls: unknown[] = [];
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.makePhoneCall = (args: unknown) => calls.push(args);
    await tap(page, '.member__mobile');
    expect(calls).toEqual([{ phoneNumber: '13800000012' }]);
    page.detach();
  });

  it('tells a volunteer who leads no brigade', async () => {
    await ok(cloud, 'volunteers', registration('赵普通', '13800000013'), 'members-nobody');
    installCloudInRealm((name, data) => cloud.call(name, data, 'members-nobody'));
    const page = await membersPage.open();
    await waitForText(page, '你目前不是任何大队的负责人');
    page.detach();
  });
});
