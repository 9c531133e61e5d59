// The 供需配对 card on 镇区工作台 against the real local cloud: a recipient kept and a household surveyed in one
// town show there, and not in the coordinator's other town.
import { RECIPIENT_NOTICE_VERSION } from '../../typings/data';
import { loadPage, tap, textOf, waitForText } from '../helpers/page';
import { useCoordinatorWorld } from './coordinator-world';

const world = useCoordinatorWorld();
const consent = { by: 'self', version: RECIPIENT_NOTICE_VERSION };

describe('供需配对 on 镇区工作台', () => {
  const workbench = loadPage('coordinator/pages/workbench/index');

  it('shows the town’s recipients by category and households surveyed', async () => {
    const base = { town: '东区', community: '东苑社区', consent };
    const home = { address: '东区竹苑路 1 号', lat: 22.52, lng: 113.4 };
    for (const [name, categories] of [
      ['陈桂英', ['独居老人']],
      ['黄志明', ['残疾人', '低保家庭']],
    ] as const) {
      const saved = (await world.call(
        'needs',
        { action: 'saveRecipient', name, categories, ...base, ...home },
        'su',
      )) as {
        ok: boolean;
      };
      expect(saved.ok).toBe(true);
    }
    const household = { contactName: '何润开', address: '东区竹苑路 2 号', size: 3 };
    const need = { category: '课业辅导', specialties: [], frequency: 'weekly', slots: [], urgency: 'normal' };
    const survey = { action: 'saveSurvey', requestId: 'card-0001', ...base, household, members: [], needs: [need] };
    expect(((await world.call('needs', survey, 'plain')) as { ok: boolean }).ok).toBe(true);

    world.as('su');
    const page = await workbench.open({ town: '东区' });
    await waitForText(page, '供需配对');
    const text = textOf(page);
    expect(text).toMatch(/2\s*在册服务对象/);
    expect(text).toMatch(/1\s*调查户数/);
    expect(text).toMatch(/0\s*进行中计划/);
    expect(text).toContain('独居老人 1');
    expect(text).toContain('低保家庭 1');

    await tap(page, '#town-0');
    await waitForText(page, '石岐博爱大队');
    expect(textOf(page)).toMatch(/0\s*在册服务对象/);
    expect(textOf(page)).not.toContain('独居老人 1');
    page.detach();
  });
});
