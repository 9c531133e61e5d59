// 制定服务计划: the coordinator fills in goals and one service (每两周: a chip sets the service it is in); a bad duration comes back as a field message and
// nothing is stored; once fixed, 保存 stores the plan and lands on its page.
import type { Plan } from '../../typings/needs';
import { installCloud, loadPage, tap, textOf, waitFor, waitForText, wxCalls } from '../helpers/page';
import { COORD, planWorld, type PlanWorld } from './plan-world';
import { emit } from './taps';

let w: PlanWorld;
const formPage = loadPage('coordinator/pages/plan-form/index');

beforeAll(async () => {
  w = await planWorld();
  installCloud((name, event) => w.cloud.call(name, event, COORD));
}, 60_000);
afterAll(() => w.cloud.stop());

describe('plan form', () => {
  it('shows the server field message, then saves a plan with one service and opens it', async () => {
    const form = await formPage.open({ recipientId: w.recipientId });
    await waitForText(form, '陈婆');
    expect(textOf(form)).toContain('石岐博爱大队');
    await emit(form, '#pf-goals', 'change', '每周探访，陪同买菜');
    await emit(form, '#pf-0-duration', 'change', '5');
    await tap(form, '#pf-submit');
    await waitForText(form, '服务时长（分钟）');
    expect(wxCalls.some((c) => c.api === 'redirectTo')).toBe(false);
    const none = await w.data<{ items: Plan[] }>('needs', { action: 'plans', town: '石岐区' });
    expect(none.items).toHaveLength(0);

    await emit(form, '#pf-0-duration', 'change', '90');
    await tap(form, '#pf-0-freq-biweekly');
    await tap(form, '#pf-submit');
    await waitFor(form, () => wxCalls.at(-1)?.api === 'redirectTo', { what: 'redirect to the plan' });
    const url = (wxCalls.at(-1)?.args as { url: string }).url;
    expect(url).toMatch(/^\/coordinator\/pages\/plan\/index\?planId=/);
    form.detach();

    const planId = url.split('planId=')[1];
    const plan = await w.data<Plan>('needs', { action: 'plan', planId });
    expect(plan).toMatchObject({ goals: '每周探访，陪同买菜', brigadeName: '石岐博爱大队', status: 'open' });
    expect(plan.services).toHaveLength(1);
    expect(plan.services[0]).toMatchObject({
      category: '探访慰问',
      frequency: 'biweekly',
      weekday: 2,
      slot: 'morning',
      durationMinutes: 90,
      people: 1,
      status: 'open',
    });
  });
});
