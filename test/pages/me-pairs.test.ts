// 我的 → 我的结对 shows how many 结对邀请 wait for an answer; 附近需求 is one tap away.
import { loadPage, textOf, waitForText, wxCalls } from '../helpers/page';
import { pairsPages } from './pairs-world';
import { tapCell } from './taps';

const pages = pairsPages();
const world = () => pages.world();

it('counts the offers waiting on 我的结对 and links 附近需求', async () => {
  const volunteerId = await world().volunteer('me-offered', '冯待复', '13800138041');
  pages.actAs('me-offered');
  const before = await loadPage('pages/me/index').open();
  await waitForText(before, '我的结对');
  expect(textOf(before)).not.toContain('邀请待回复');
  before.detach();
  await world().data('needs', { action: 'assign', ...world().plan, volunteerIds: [volunteerId] }, 'page-coordinator');
  const page = await loadPage('pages/me/index').open();
  await waitForText(page, '1 个邀请待回复');
  await tapCell(page, '#me-nearby');
  expect(wxCalls.at(-1)).toEqual({ api: 'navigateTo', args: { url: '/needs/pages/nearby/index' } });
  page.detach();
});
