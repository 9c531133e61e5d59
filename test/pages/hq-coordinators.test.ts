// 总队 · 镇区协调员 against the real local cloud: hq appoints a coordinator by card number and removes one after
// confirming; what was stored shows in the coordinator's own 我的 (volunteers.me) and on the page.
import { TOWNS, type Envelope, type MeResponse } from '../../typings/index';
import { loadPage, tap, textOf, waitFor, waitForText } from '../helpers/page';
import { HQ, useCoordinatorWorld } from './coordinator-world';
import { answerModal, emit } from './taps';

const world = useCoordinatorWorld();
const page = loadPage('hq/pages/coordinators/index');

async function townsOf(openid: string): Promise<string[]> {
  const reply = (await world.call('volunteers', { action: 'me' }, openid)) as Envelope<MeResponse>;
  if (!reply.ok) throw new Error(reply.message);
  return reply.data.coordinatorTowns ?? [];
}

describe('镇区协调员 page (hq)', () => {
  it('lists each town’s coordinators, appoints one by card number and removes one after confirming', async () => {
    world.as(HQ);
    const screen = await page.open();
    await waitForText(screen, '苏婉仪');
    expect(textOf(screen)).toContain('石岐区');

    await emit(screen, '#coordinators-town', 'change', { value: String(TOWNS.indexOf('西区')) });
    await emit(screen, '#coordinators-card', 'change', 'zsba-2026-9');
    await tap(screen, '#coordinators-appoint');
    expect(textOf(screen)).toContain('请填写正确的义工证号');
    expect(await townsOf('west-1')).toEqual([]);

    await emit(screen, '#coordinators-card', 'change', world.cards['west-1'].toLowerCase());
    await tap(screen, '#coordinators-appoint');
    await waitForText(screen, '吴淑芬');
    expect(await townsOf('west-1')).toEqual(['西区']);

    // Removing asks first (in the same page: simulate loses Vant's parts in a page opened later in one file).
    // 石岐区, 东区 (苏婉仪), then 西区 (吴淑芬): the third town's first coordinator.

    const declined = answerModal(false);
    await tap(screen, '#coordinators-remove-2-0');
    expect(declined).toEqual(['确定撤销 吴淑芬 的西区协调员身份吗？']);
    expect(await townsOf('west-1')).toEqual(['西区']);

    answerModal(true);
    await tap(screen, '#coordinators-remove-2-0');
    await waitFor(screen, () => !textOf(screen).includes('吴淑芬'), { what: '吴淑芬 removed' });
    expect(await townsOf('west-1')).toEqual([]);
    expect(textOf(screen)).toContain('苏婉仪');
    screen.detach();
  });
});
