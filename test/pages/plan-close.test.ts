// 服务计划详情: a visit note is added and shown; 结案 asks first (saying the carer will be told), and only once
// confirmed is the plan closed, its services ended and the accepted carer's pair ended.
import type { Assignment, Plan } from '../../typings/needs';
import { installCloud, loadPage, tap, textOf, waitFor, waitForText } from '../helpers/page';
import { COORD, planWorld, type PlanWorld } from './plan-world';
import { answerModal, emit } from './taps';

let w: PlanWorld;
const planPage = loadPage('coordinator/pages/plan/index');

beforeAll(async () => {
  w = await planWorld();
  installCloud((name, event) => w.cloud.call(name, event, COORD));
}, 60_000);
afterAll(() => w.cloud.stop());

type Stored = Plan & { assignments: Assignment[] };

describe('plan page', () => {
  it('adds a note, and closes the plan only after confirmation', async () => {
    const { planId, serviceId } = await w.plan();
    const barber = w.people['page-barber-1'];
    const offer = await w.data<{ assignments: Assignment[] }>('needs', {
      action: 'assign',
      planId,
      serviceId,
      volunteerIds: [barber],
    });
    await w.data(
      'needs',
      { action: 'respond', assignmentId: offer.assignments[0].assignmentId, accept: true },
      'page-barber-1',
    );
    const page = await planPage.open({ planId });
    await waitForText(page, '梁理发');
    expect(textOf(page)).toContain('已接受');
    expect(textOf(page)).toContain('已结对 1/1');

    await emit(page, '#plan-note', 'change', '陈婆精神不错，理发后很开心');
    await tap(page, '#plan-add-note');
    await waitForText(page, '苏社工 ·');
    expect(textOf(page)).toContain('陈婆精神不错，理发后很开心');

    await tap(page, '#plan-review');
    await emit(page, '#plan-review-note', 'change', '陈婆随子女迁往外地');
    const declined = answerModal(false);
    await tap(page, '#plan-close');
    expect(declined[0]).toContain('已结对的 1 位义工会收到结案通知');
    expect((await w.data<Stored>('needs', { action: 'plan', planId })).status).toBe('open');

    answerModal(true);
    await tap(page, '#plan-close');
    await waitFor(page, () => (page.instance.data as { plan: { open: boolean } }).plan.open === false, {
      what: 'the plan shown closed',
    });
    const stored = await w.data<Stored>('needs', { action: 'plan', planId });
    expect(stored.status).toBe('closed');
    expect(stored.closeNote).toBe('陈婆随子女迁往外地');
    expect(stored.services.map((s) => s.status)).toEqual(['ended']);
    expect(stored.assignments.map((a) => a.status)).toEqual(['ended']);
    expect(textOf(page)).not.toContain('复评 / 结案');
    expect(textOf(page)).toContain('梁理发');
    page.detach();
  });
});
