// 大队负责人 (hq) against the real local cloud: appointing a leader lists them and counts them as a member at once.
import { PRIVACY_NOTICE_VERSION, type Brigade, type Envelope, type Profile } from '../../typings/index';
import { startPageCloud, type PageCloud } from '../helpers/page-cloud';
import { installCloudInRealm, loadPage, textOf, waitForText } from '../helpers/page';
import { emit } from './taps';

const HQ = 'demo-hq';

async function ok<T>(cloud: PageCloud, name: string, event: Record<string, unknown>, openid: string): Promise<T> {
  const reply = (await cloud.call(name, event, openid)) as Envelope<T>;
  if (!reply.ok) throw new Error(`${name}.${String(event.action)}: ${reply.code} ${reply.message}`);
  return reply.data;
}

describe('大队负责人 page (hq)', () => {
  let cloud: PageCloud;
  let brigade: Brigade;
  let leader: Profile;
  const formPage = loadPage('hq/pages/brigade-form/index');

  beforeAll(async () => {
    cloud = await startPageCloud();
    installCloudInRealm((name, data) => cloud.call(name, data, HQ));
    leader = await ok<Profile>(
      cloud,
      'volunteers',
      {
        action: 'register',
        name: '冯队长',
        mobile: '13800000071',
        town: '南区',
        specialties: [],
        birthYear: 1982,
        privacyConsentVersion: PRIVACY_NOTICE_VERSION,
      },
      'form-leader',
    );
    brigade = await ok<Brigade>(
      cloud,
      'brigades',
      { action: 'create', name: '南区新建大队', town: '南区', joinMode: 'open' },
      HQ,
    );
  });
  afterAll(() => cloud.stop());

  it('appoints a leader by card number, who is listed and counted as the first member', async () => {
    const page = await formPage.open({ brigadeId: brigade.brigadeId });
    await waitForText(page, '0 名队员');
    await emit(page, '#form-card', 'change', leader.cardNo);
    await emit(page, '#form-appoint', 'click', {});
    await waitForText(page, '1 名队员');
    expect(textOf(page)).toContain('冯队长');
    expect(textOf(page)).not.toContain('尚未任命负责人');
  });
});
