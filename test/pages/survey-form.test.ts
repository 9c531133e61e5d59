// 入户需求调查 against the real local cloud: the draft survives a failed send and reopening the page, and is sent
// exactly once when the network comes back.
import { PRIVACY_NOTICE_VERSION } from '../../typings/index';
import type { Page } from '../../typings/entities';
import type { Survey } from '../../typings/needs';
import { startPageCloud, type PageCloud } from '../helpers/page-cloud';
import { installCloud, loadPage, tap, textOf, waitFor, waitForText, type RenderedPage } from '../helpers/page';
import { emit } from './taps';

const SURVEYOR = 'page-surveyor';
const g = globalThis as unknown as { wx: Record<string, unknown> };

let cloud: PageCloud;
let offline = false;
let sends = 0;
let listeners: ((res: { isConnected: boolean }) => void)[] = [];
const formPage = loadPage('needs/pages/survey-form/index');

beforeAll(async () => {
  cloud = await startPageCloud();
  const registered = (await cloud.call(
    'volunteers',
    {
      action: 'register',
      name: '林调查',
      mobile: '13800138011',
      town: '石岐区',
      community: '悦来社区',
      specialties: ['社工'],
      birthYear: 1988,
      privacyConsentVersion: PRIVACY_NOTICE_VERSION,
    },
    SURVEYOR,
  )) as { ok: boolean };
  if (!registered.ok) throw new Error('register failed');
  installCloud(async (name, data) => {
    if (offline) throw new Error('cloud.callFunction:fail network');
    if (data.action === 'saveSurvey') sends += 1;
    return cloud.call(name, data, SURVEYOR);
  });
  g.wx.onNetworkStatusChange = (listener: (res: { isConnected: boolean }) => void) => listeners.push(listener);
  g.wx.offNetworkStatusChange = (listener: (res: { isConnected: boolean }) => void) => {
    listeners = listeners.filter((l) => l !== listener);
  };
});
afterAll(() => cloud.stop());

/** Leaves the page as the platform does: onUnload, then gone. */
function close(page: RenderedPage): void {
  (page.instance as unknown as { onUnload(): void }).onUnload();
  page.detach();
}

async function openWithTown(): Promise<RenderedPage> {
  const page = await formPage.open();
  await waitFor(page, () => draftOf(page).town === '石岐区', { what: 'town prefilled' });
  return page;
}

const draftOf = (page: RenderedPage) =>
  (page.instance.data as { draft: { town: string; contactName: string; pending: boolean } }).draft;

async function mySurveys(): Promise<Survey[]> {
  const reply = (await cloud.call('needs', { action: 'surveys', mine: true }, SURVEYOR)) as { data: Page<Survey> };
  return reply.data.items;
}

describe('入户需求调查', () => {
  it('keeps the draft through a failed send and a reopened page, then sends it once when the network is back', async () => {
    let page = await openWithTown();
    await emit(page, '#survey-contact', 'change', '陈桂英');
    await emit(page, '#survey-address', 'change', '石岐区悦来南路 18 号');
    await emit(page, '#member-situation-0', 'change', '独居，腿脚不便');
    await tap(page, '.need .nd__chip');
    await emit(page, '#survey-consent', 'change', true);

    offline = true;
    await tap(page, '#survey-submit');
    await waitForText(page, '已保存草稿，联网后自动提交');
    close(page);

    page = await formPage.open();
    await waitForText(page, '已保存草稿，联网后自动提交');
    expect(draftOf(page)).toMatchObject({ contactName: '陈桂英', pending: true });
    expect(sends).toBe(0);

    offline = false;
    for (const listener of [...listeners]) listener({ isConnected: true });
    await waitFor(page, () => sends === 1 && !textOf(page).includes('已保存草稿'), { what: 'sent' });
    for (const listener of [...listeners]) listener({ isConnected: true });
    close(page);

    const surveys = await mySurveys();
    expect(surveys).toHaveLength(1);
    expect(surveys[0]).toMatchObject({ community: '悦来社区', household: { contactName: '陈桂英' } });
    expect(surveys[0].needs[0]).toMatchObject({ category: '探访慰问', frequency: 'weekly' });
    expect(sends).toBe(1);
    expect((g.wx.getStorageSync as (k: string) => unknown)('needs:survey-draft')).toBe('');
  });

  it('says what is missing instead of sending an incomplete survey', async () => {
    const page = await openWithTown();
    await tap(page, '#survey-submit');
    await waitForText(page, '请填写受访人姓名和住址');
    expect(sends).toBe(1);
    close(page);
  });
});
