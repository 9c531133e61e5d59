// 服务计划 list: 待配对 (open=1) keeps only plans with a service still short of carers, with 已结对 n/people; the
// 已结案 tab shows the closed ones.
import type { Assignment } from '../../typings/needs';
import { installCloud, loadPage, tap, textOf, waitFor, waitForText } from '../helpers/page';
import { COORD, planWorld, type PlanWorld } from './plan-world';

let w: PlanWorld;
const listPage = loadPage('coordinator/pages/plans/index');

beforeAll(async () => {
  w = await planWorld();
  installCloud((name, event) => w.cloud.call(name, event, COORD));
}, 60_000);
afterAll(() => w.cloud.stop());

const shownPlans = (page: { instance: { data: unknown } }) =>
  (page.instance.data as { items: { planId: string }[] }).items.map((p) => p.planId);

describe('plans page', () => {
  it('shows only plans still needing carers under 待配对, and closed plans under 已结案', async () => {
    const open = await w.plan();
    const covered = await w.plan();
    const closed = await w.plan();
    const offer = await w.data<{ assignments: Assignment[] }>('needs', {
      action: 'assign',
      ...covered,
      volunteerIds: [w.people['page-barber-1']],
    });
    await w.data(
      'needs',
      { action: 'respond', assignmentId: offer.assignments[0].assignmentId, accept: true },
      'page-barber-1',
    );
    await w.data('needs', { action: 'reviewPlan', planId: closed.planId, note: '迁往外地', close: true });

    const page = await listPage.open({ town: '石岐区', open: '1' });
    await waitForText(page, '义剪 已结对 0/1');
    expect(shownPlans(page)).toEqual([open.planId]);
    expect(textOf(page)).toContain('只显示还缺义工的服务计划');
    expect(textOf(page)).not.toContain('已结对 1/1');

    await tap(page, '#plans-tab-open');
    await waitFor(page, () => shownPlans(page).length === 2, { what: 'both open plans' });
    expect(shownPlans(page)).toEqual(expect.arrayContaining([open.planId, covered.planId]));

    await tap(page, '#plans-tab-closed');
    await waitFor(page, () => shownPlans(page).join() === closed.planId, { what: 'the closed plan' });
    expect(textOf(page)).toContain('已结案');
    page.detach();
  });
});
