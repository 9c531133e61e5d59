// 附近需求 against the real local cloud: the need shows masked, and 我要帮忙 signs the volunteer up.
import { loadPage, settle, tap, textOf, waitForText } from '../helpers/page';
import { pairsPages } from './pairs-world';
import { g, promptAnswering } from './subscribe-prompt';

const pages = pairsPages();
const world = () => pages.world();
afterEach(() => delete g.wx.requestSubscribeMessage);

describe('附近需求', () => {
  it('shows the masked need and 我要帮忙 signs the volunteer up', async () => {
    await world().volunteer('page-helper', '罗热心', '13800138032');
    promptAnswering('accept');
    pages.actAs('page-helper');
    const page = await loadPage('needs/pages/nearby/index').open();
    await waitForText(page, '我要帮忙');
    expect(textOf(page)).toContain('悦来社区');
    expect(textOf(page)).not.toMatch(/陈桂英|悦来南路|13612345678/);
    await tap(page, '#nearby-help');
    await waitForText(page, '已报名帮忙，等待社工安排');
    const mine = await world().data<{ items: { status: string }[] }>('needs', { action: 'mine' }, 'page-helper');
    expect(mine.items.map((i) => i.status)).toEqual(['volunteered']);
    await settle();
    page.detach();
  });
});
