// 我的结对 against the real local cloud: a volunteer answers an offer with 接受 (asked for the notice template in
// the tap) and then sees what a visit needs.
import { loadPage, settle, tap, textOf, waitForText } from '../helpers/page';
import { pairsPages } from './pairs-world';
import { g, promptAnswering } from './subscribe-prompt';

const pages = pairsPages();
const world = () => pages.world();
afterEach(() => delete g.wx.requestSubscribeMessage);

describe('我的结对', () => {
  it('shows the offer with its deadline; 接受 turns it into a pair with the visit details', async () => {
    const volunteerId = await world().volunteer('page-barber', '何理发', '13800138031');
    await world().data('needs', { action: 'assign', ...world().plan, volunteerIds: [volunteerId] }, 'page-coordinator');
    const asked = promptAnswering('accept');
    pages.actAs('page-barber');
    const page = await loadPage('needs/pages/mine/index').open();
    await waitForText(page, '48小时内回复');
    expect(textOf(page)).toContain('义剪 · 每周二上午 · 60 分钟');
    expect(textOf(page)).not.toContain('悦来南路');
    await tap(page, '#mine-accept');
    await waitForText(page, '结对中');
    expect(asked.length).toBe(1);
    await tap(page, '#mine-visit');
    await waitForText(page, '石岐区悦来南路 18 号');
    expect(textOf(page)).toContain('13612345678');
    await settle();
    page.detach();
  });
});
