// 成员管理's filters against the real local cloud: a leader picks 专长 医疗, sees only the matching members with
// their specialties and community, finds nobody for a combination that matches no one, then clears the filters.
import {
  PRIVACY_NOTICE_VERSION,
  type Brigade,
  type Envelope,
  type InviteResponse,
  type Profile,
  type Specialty,
} from '../../typings/index';
import { startPageCloud, type PageCloud } from '../helpers/page-cloud';
import {
  installCloudInRealm,
  loadPage,
  settle,
  tap,
  textOf,
  waitFor,
  waitForText,
  type RenderedPage,
} from '../helpers/page';

const HQ = 'demo-hq';

/** Taps an option of the open 专长 dropdown. */
async function pickOption(page: RenderedPage, text: string): Promise<void> {
  const item = page.querySelector('#filter-specialty');
  await waitFor(page, () => !!item?.querySelector('.van-dropdown-item__option'), { what: 'the 专长 options' });
  const option = item?.querySelectorAll('.van-dropdown-item__option').find((o) => textOf(o) === text);
  if (!option) throw new Error(`no option ${text}`);
  option.dispatchEvent('tap');
  await settle();
}

/** Taps the title of the filter bar's `index`th dropdown, as a user opens it. */
async function openFilter(page: RenderedPage, index: number): Promise<void> {
  const menu = page.querySelector('.members__filters');
  const title = menu?.querySelectorAll('.van-dropdown-menu__item')[index];
  if (!title) throw new Error(`no filter ${index}; page shows: ${textOf(page)}`);
  title.dispatchEvent('tap');
  await settle();
}

async function ok<T>(cloud: PageCloud, name: string, event: Record<string, unknown>, openid: string): Promise<T> {
  const reply = (await cloud.call(name, event, openid)) as Envelope<T>;
  if (!reply.ok) throw new Error(`${name}.${String(event.action)}: ${reply.code} ${reply.message}`);
  return reply.data;
}

const registration = (name: string, mobile: string, specialties: Specialty[], community: string) => ({
  action: 'register',
  name,
  mobile,
  town: '东区',
  community,
  specialties,
  availability: [{ weekday: 3, slot: 'evening' }],
  birthYear: 1980,
  privacyConsentVersion: PRIVACY_NOTICE_VERSION,
});

describe('成员管理 filters (leader)', () => {
  let cloud: PageCloud;
  const membersPage = loadPage('leader/pages/members/index');

  beforeAll(async () => {
    cloud = await startPageCloud();
    installCloudInRealm((name, data) => cloud.call(name, data, 'f-leader'));
    const leader = await ok<Profile>(
      cloud,
      'volunteers',
      registration('吴队长', '13800000021', ['驾驶'], '竹苑社区'),
      'f-leader',
    );
    const brigade = await ok<Brigade>(
      cloud,
      'brigades',
      { action: 'create', name: '东区筛选大队', town: '东区', joinMode: 'open' },
      HQ,
    );
    await ok(cloud, 'brigades', { action: 'setLeader', brigadeId: brigade.brigadeId, cardNo: leader.cardNo }, HQ);
    const invite = await ok<InviteResponse>(
      cloud,
      'brigades',
      { action: 'invite', brigadeId: brigade.brigadeId },
      'f-leader',
    );
    const people: [string, Specialty[], string][] = [
      ['林医生', ['医疗', '护理'], '悦来社区'],
      ['陈师傅', ['家电维修'], '松苑社区'],
    ];
    for (const [i, [name, specialties, community]] of people.entries()) {
      await ok(cloud, 'volunteers', registration(name, `1380000003${i}`, specialties, community), `f-${i}`);
      await ok(cloud, 'brigades', { action: 'join', code: invite.code }, `f-${i}`);
    }
  });
  afterAll(() => cloud.stop());

  it('picks 专长 医疗 and sees only the matching members, then clears the filters', async () => {
    const page = await membersPage.open();
    await tap(page, '#members-tab-active');
    await waitForText(page, '陈师傅');
    expect(textOf(page)).toContain('家电维修');
    expect(textOf(page)).toContain('东区·松苑社区');

    await openFilter(page, 0);
    await pickOption(page, '医疗');
    await waitFor(page, () => !textOf(page).includes('陈师傅'), { what: '陈师傅 to be filtered out' });
    await waitForText(page, '林医生');
    expect(textOf(page)).not.toContain('吴队长');
    expect(textOf(page)).toContain('东区·悦来社区');

    // 医疗 and available on Mondays: nobody.
    await openFilter(page, 2);
    await waitFor(page, () => !!page.querySelector('#weekday-1'), { what: 'the 有空时段 panel' });
    await tap(page, '#weekday-1');
    await tap(page, '#filter-time-ok');
    await waitForText(page, '没有符合条件的队员');
    expect(textOf(page)).toContain('周一');

    await tap(page, '.members__clear');
    await waitForText(page, '陈师傅');
    expect(textOf(page)).toContain('林医生');
    expect(textOf(page)).toContain('吴队长');
    expect(textOf(page)).not.toContain('没有符合条件的队员');
    page.detach();
  });
});
