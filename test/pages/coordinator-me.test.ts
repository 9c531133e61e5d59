// 我的 → 镇区工作台 for a town's coordinator, not for a plain volunteer (against the real local cloud).
import { loadPage, textOf, waitForText } from '../helpers/page';
import { lastUrl, useCoordinatorWorld } from './coordinator-world';
import { tapCell } from './taps';

const world = useCoordinatorWorld();

describe('我的 → 镇区工作台', () => {
  const mePage = loadPage('pages/me/index');

  it('shows a coordinator the 镇区工作台 with their towns, and opens the workbench', async () => {
    world.as('su');
    const page = await mePage.open();
    await waitForText(page, '镇区工作台');
    expect(textOf(page)).toContain('石岐区、东区');
    await tapCell(page, '#me-coordinator-workbench');
    expect(lastUrl()).toBe('/coordinator/pages/workbench/index');
    page.detach();
  });

  it('shows a plain volunteer no 镇区工作台', async () => {
    world.as('plain');
    const page = await mePage.open();
    await waitForText(page, '义工证号');
    expect(textOf(page)).not.toContain('镇区工作台');
    page.detach();
  });
});
