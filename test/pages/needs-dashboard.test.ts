// The 供需配对 card on 总队数据 (hq) against the real local cloud: the city's figures with one line per town, and
// only the town chosen once a town is picked.
import { RECIPIENT_NOTICE_VERSION } from '../../typings/data';
import { loadPage, textOf, waitForText } from '../helpers/page';
import { PACKED_UCHARTS, emit } from './dashboard-world';
import { HQ, useCoordinatorWorld } from './coordinator-world';

jest.mock('@qiun/ucharts', () => jest.requireActual(PACKED_UCHARTS));

const world = useCoordinatorWorld();
const consent = { by: 'self', version: RECIPIENT_NOTICE_VERSION };

describe('供需配对 on 总队数据', () => {
  const dashboard = loadPage('hq/pages/dashboard/index');

  it('shows the city with a line per town, then only the town chosen', async () => {
    const home = { address: '中山某路 1 号', lat: 22.52, lng: 113.4, consent };
    for (const [name, town, community] of [
      ['陈桂英', '东区', '东苑社区'],
      ['黄志明', '东区', '竹苑社区'],
      ['何润开', '石岐区', '悦来社区'],
    ]) {
      const saved = await world.call(
        'needs',
        { action: 'saveRecipient', name, categories: ['独居老人'], town, community, ...home },
        'su',
      );
      expect((saved as { ok: boolean }).ok).toBe(true);
    }

    world.as(HQ);
    const page = await dashboard.open();
    await waitForText(page, '供需配对');
    const city = textOf(page);
    expect(city).toMatch(/3\s*在册服务对象/);
    expect(city).toContain('独居老人 3');
    expect(city).toMatch(/东区\s*服务对象 2 · 计划 0 · 待落实 0/);
    expect(city).toMatch(/石岐区\s*服务对象 1 · 计划 0 · 待落实 0/);

    await emit(page, '#dash-town', 'change', '石岐区');
    await waitForText(page, '独居老人 1');
    const town = textOf(page);
    expect(town).toMatch(/1\s*在册服务对象/);
    expect(town).not.toContain('服务对象 2 ·');
    page.detach();
  });
});
