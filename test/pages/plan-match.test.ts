// 匹配义工: the ranked barbers with their reasons, the Wednesday barber counted among the excluded, and 发出邀请 after the
// confirmation stores an offer; the invited barber is then marked and no longer selectable.
import type { Assignment, Plan } from '../../typings/needs';
import { installCloud, loadPage, tap, textOf, waitFor, waitForText } from '../helpers/page';
import { COORD, planWorld, type PlanWorld } from './plan-world';
import { answerModal } from './taps';

let w: PlanWorld;
const matchPage = loadPage('coordinator/pages/match/index');

beforeAll(async () => {
  w = await planWorld();
  installCloud((name, event) => w.cloud.call(name, event, COORD));
}, 60_000);
afterAll(() => w.cloud.stop());

describe('match page', () => {
  it('shows reasons and excluded counts, and sends an offer after confirmation', async () => {
    const { planId, serviceId } = await w.plan();
    const page = await matchPage.open({ planId, serviceId });
    await waitForText(page, '梁理发');
    const text = textOf(page);
    expect(text).toContain('周理发');
    expect(text).not.toContain('黄医生');
    expect(text).toContain('擅长理发');
    expect(text).toContain('周二上午有空');
    expect(text).toMatch(/匹配度 \d+%/);
    expect(text).not.toContain('吴理发');
    expect(text).toContain('另有 1 人不符合条件');
    expect(text).not.toContain('周二上午没空 1 人');
    await tap(page, '#match-excluded');
    expect(textOf(page)).toContain('周二上午没空 1 人');

    const asked = answerModal(true);
    await tap(page, '#candidate-0');
    await tap(page, '#match-invite');
    const rows = () =>
      (page.instance.data as { items: { volunteerId: string; taken: string; selectable: boolean }[] }).items;
    await waitFor(page, () => rows().some((c) => c.taken === '已邀请'), { what: 'the invited candidate marked' });
    expect(asked[0]).toContain('1 位义工');

    const stored = await w.data<Plan & { assignments: Assignment[] }>('needs', { action: 'plan', planId });
    expect(stored.assignments).toHaveLength(1);
    expect(stored.assignments[0]).toMatchObject({ serviceId, status: 'offered' });
    const invited = stored.assignments[0].volunteerId;
    expect([w.people['page-barber-1'], w.people['page-barber-2']]).toContain(invited);

    // The invited barber is marked and tapping them selects nobody.
    const row = rows().find((c) => c.volunteerId === invited);
    expect(row?.selectable).toBe(false);
    await tap(page, '#candidate-0');
    expect((page.instance.data as { selectedCount: number }).selectedCount).toBe(0);
    page.detach();
  });
});
