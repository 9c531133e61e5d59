// 镇区工作台 against the real local cloud: the town's figures and brigades only, the town switcher, the links.
// (我的 → 镇区工作台 is in coordinator-me.test.ts: in one file, pages loaded after another lose their Vant parts.)
import { loadPage, tap, textOf, waitForText } from '../helpers/page';
import { lastUrl, useCoordinatorWorld } from './coordinator-world';
import { tapCell } from './taps';

const world = useCoordinatorWorld();

describe('镇区工作台', () => {
  const workbench = loadPage('coordinator/pages/workbench/index');

  it('shows the first town’s figures and brigades, and switches to the other town', async () => {
    world.as('su');
    const page = await workbench.open();
    await waitForText(page, '石岐博爱大队');
    expect(textOf(page)).not.toContain('东区博爱大队');
    expect(textOf(page)).not.toContain('西区博爱大队');

    await tap(page, '#town-1');
    await waitForText(page, '东区博爱大队');
    const text = textOf(page);
    expect(text).not.toContain('石岐博爱大队');
    // 东区: three registered volunteers (苏婉仪, 陈小敏, 李家豪), one brigade.
    expect(text).toMatch(/3\s*注册义工/);
    expect(text).toMatch(/1\s*义工大队/);
    page.detach();
  });

  it('opens the needs pages and a brigade with the town chosen', async () => {
    world.as('su');
    const page = await workbench.open({ town: '东区' });
    await waitForText(page, '东区博爱大队');
    const opened: string[] = [];
    for (const id of ['#town-recipients', '#town-surveys', '#town-plans', '#town-open', '#town-brigade-0']) {
      await tapCell(page, id);
      opened.push(lastUrl());
    }
    const town = encodeURIComponent('东区');
    expect(opened.slice(0, 4)).toEqual([
      `/coordinator/pages/recipients/index?town=${town}`,
      `/coordinator/pages/surveys/index?town=${town}`,
      `/coordinator/pages/plans/index?town=${town}`,
      `/coordinator/pages/plans/index?town=${town}&open=1`,
    ]);
    expect(opened[4]).toMatch(/^\/pages\/brigade\/index\?brigadeId=\w+/);
    page.detach();
  });

  it('tells someone who coordinates nothing to ask hq', async () => {
    world.as('plain');
    const page = await workbench.open();
    await waitForText(page, '你还不是镇区协调员');
    page.detach();
  });
});
