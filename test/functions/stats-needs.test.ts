// The 供需配对 figures: needs facts (surveys, recipients, plans, accepted pairs) → stats.overview and the CSV; the
// nightly reconcile gives the same figures after the counters are wiped; a coordinator sees their town only.
import type { AssignRequest } from '../../typings/api/needs';
import type { ExportResponse, OverviewResponse } from '../../typings/api/stats';
import type { Assignment, PlanService } from '../../typings/needs';
import { RECIPIENT_NOTICE_VERSION } from '../../typings/data';
import { HQ, ok } from './helpers';
import { DAY, haircut, needsWorld, type NeedsWorld } from './match-world';

let w: NeedsWorld;
/** The 石岐区 recipient made from the survey. */
let surveyed: string;
const needsOf = async (openid: string, params: object = {}) =>
  (await ok<OverviewResponse>(w.cloud, 'stats', 'overview', params, openid)).needs;
const needs = <T>(action: string, params: object, openid: string) => ok<T>(w.cloud, 'needs', action, params, openid);
const consent = { by: 'self', version: RECIPIENT_NOTICE_VERSION };

const recipientReq = (over: object) => ({
  name: '陈桂英',
  categories: ['独居老人'],
  town: '石岐区',
  community: '悦来社区',
  address: '石岐区悦来南路 18 号',
  lat: 22.52,
  lng: 113.38,
  consent,
  ...over,
});

async function plan(recipientId: string, services: number, openid = 'coord', brigadeId = w.brigade.brigadeId) {
  const list = Array.from({ length: services }, (_, i) => haircut({ weekday: i % 7 }));
  return needs<{ planId: string; services: PlanService[] }>(
    'savePlan',
    { recipientId, brigadeId, goals: '每月理发', services: list },
    openid,
  );
}

beforeAll(async () => {
  w = await needsWorld();
  await w.register('barber', { name: '理发师', specialties: ['理发'] });
  // A household surveyed in 石岐区 and turned into a recipient; three days later one of two services is paired.
  const survey = await needs<{ surveyId: string }>(
    'saveSurvey',
    {
      requestId: 'draft-0001',
      town: '石岐区',
      community: '悦来社区',
      household: { contactName: '陈桂英', address: '石岐区悦来南路 18 号', size: 1 },
      members: [],
      needs: [{ category: '义剪', specialties: [], frequency: 'monthly', slots: [], urgency: 'soon' }],
      consent,
    },
    'barber',
  );
  const { recipientId } = await needs<{ recipientId: string }>(
    'saveRecipient',
    recipientReq({ categories: ['独居老人', '残疾人'], surveyId: survey.surveyId }),
    'coord',
  );
  surveyed = recipientId;
  await w.advance(3 * DAY + 3_600_000);
  const p = await plan(recipientId, 2);
  const req: AssignRequest = { planId: p.planId, serviceId: p.services[0].serviceId };
  const offered = await needs<{ assignments: Assignment[] }>(
    'assign',
    { ...req, volunteerIds: [w.people.barber.volunteerId] },
    'coord',
  );
  await needs('respond', { assignmentId: offered.assignments[0].assignmentId, accept: true }, 'barber');
  // Two visits written: one by the accepted carer, one by the coordinator.
  await needs('addNote', { planId: p.planId, text: '理发完成，精神不错' }, 'barber');
  await needs('addNote', { planId: p.planId, text: '电话回访' }, 'coord');
  // A second 石岐区 recipient, closed; a 东区 recipient whose plan was closed.
  const gone = await needs<{ recipientId: string }>('saveRecipient', recipientReq({ name: '李伯' }), 'coord');
  await needs('closeRecipient', { recipientId: gone.recipientId, reason: '搬离本市' }, 'coord');
  const east = await needs<{ recipientId: string }>(
    'saveRecipient',
    recipientReq({ town: '东区', community: '东苑社区', categories: ['困境儿童'] }),
    'east',
  );
  const eastBrigade = await ok<{ brigadeId: string }>(
    w.cloud,
    'brigades',
    'create',
    { name: '东区博爱大队', town: '东区', joinMode: 'open' },
    HQ,
  );
  const eastPlan = await plan(east.recipientId, 1, 'east', eastBrigade.brigadeId);
  await needs('reviewPlan', { planId: eastPlan.planId, note: '已转介', close: true }, 'east');
}, 90_000);
afterAll(() => w.cloud.stop());

const CITY = {
  recipients: 2,
  byCategory: [
    { category: '困境儿童', recipients: 1 },
    { category: '残疾人', recipients: 1 },
    { category: '独居老人', recipients: 1 },
  ],
  surveyed: 1,
  plansOpen: 1,
  plansClosed: 1,
  servicesCovered: 1,
  servicesOpen: 1,
  medianDaysToFirstVisit: 3,
  continuity: 0.5,
};

describe('the 供需配对 figures', () => {
  it('count the facts for hq, by town', async () => {
    const figures = await needsOf(HQ);
    expect(figures).toMatchObject(CITY);
    expect(figures.byTown.map((t) => [t.town, t.recipients, t.plansOpen, t.plansClosed])).toEqual([
      ['石岐区', 1, 1, 0],
      ['东区', 1, 0, 1],
    ]);
  });

  it('show a coordinator their town only', async () => {
    const mine = await needsOf('coord');
    expect(mine).toMatchObject({ recipients: 1, surveyed: 1, plansOpen: 1, plansClosed: 0, servicesOpen: 1 });
    expect(mine.byCategory.map((c) => c.category)).toEqual(['残疾人', '独居老人']);
    expect(mine.byTown.map((t) => t.town)).toEqual(['石岐区']);
    expect((await needsOf('east')).byTown.map((t) => t.town)).toEqual(['东区']);
  });

  it('count households surveyed in the period asked for', async () => {
    const later = Date.now() + 40 * DAY;
    expect((await needsOf(HQ, { from: later, to: later })).surveyed).toBe(0);
  });

  it('are the same after the counters are wiped and the nightly reconcile ran', async () => {
    const before = await needsOf(HQ);
    for (const id of ['needs', `snap:recipient:${surveyed}`]) {
      await w.cloud.db.handle('database.removeDocument', {
        collectionName: 'stats',
        query: JSON.stringify({ _id: id }),
        multi: true,
      });
    }
    expect((await needsOf(HQ)).recipients).toBe(0);
    await ok(w.cloud, 'stats', 'reconcile', {}, HQ);
    expect(await needsOf(HQ)).toEqual(before);
  });

  it('are in the CSV, by town with a 合计 row', async () => {
    const { csv } = await ok<ExportResponse>(w.cloud, 'stats', 'export', {}, HQ);
    const lines = csv.split('\r\n');
    const at = lines.indexOf('供需配对');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe(
      '镇区,服务对象（在册）,调查户数,服务计划（进行中）,服务计划（已结案）,已落实服务,待落实服务,调查至首次结对（中位天数）,结对义工探访占比',
    );
    expect(lines.slice(at + 2, at + 5)).toEqual([
      '石岐区,1,1,1,0,1,1,3,50.0%',
      '东区,1,0,0,1,0,0,,',
      '合计,2,1,1,1,1,1,3,50.0%',
    ]);
    const mine = await ok<ExportResponse>(w.cloud, 'stats', 'export', {}, 'coord');
    expect(mine.csv).toContain('石岐区,1,1,1,0,1,1,3,50.0%');
    expect(mine.csv).not.toContain('东区');
  });
});

describe('after the repair', () => {
  it('a recipient closed counts out once', async () => {
    await needs('closeRecipient', { recipientId: surveyed, reason: '已入住养老院' }, 'coord');
    const figures = await needsOf(HQ);
    expect(figures.recipients).toBe(1);
    expect(figures.byCategory).toEqual([{ category: '困境儿童', recipients: 1 }]);
  });
});

describe('stats.overview with needs', () => {
  it('reads as many documents with 50 recipients as with 5', async () => {
    const measure = async () =>
      (await w.cloud.request<{ ok: true; data: OverviewResponse }>('stats', { action: 'overview' }, HQ)).metrics;
    for (let i = 0; i < 4; i += 1) await needs('saveRecipient', recipientReq({ name: `张${i}` }), 'coord');
    const five = await measure();
    expect((await needsOf(HQ)).recipients).toBe(5);
    for (let i = 4; i < 49; i += 1) await needs('saveRecipient', recipientReq({ name: `张${i}` }), 'coord');
    const fifty = await measure();
    expect((await needsOf(HQ)).recipients).toBe(50);
    expect(fifty.docsRead).toBe(five.docsRead);
    expect(fifty.requests).toBe(five.requests);
  }, 60_000);
});
