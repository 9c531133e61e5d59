// Household needs surveys (需求调查): a resent draft keeps one survey, the household is stored encrypted, the
// coordinator of the town reviews, dismisses or turns a survey into a recipient.
import type { NeedsApi } from '../../typings/api/needs';
import type { Page } from '../../typings/entities';
import type { Survey } from '../../typings/needs';
import { ADDRESS, PHONE, needsWorld, recipientRequest, surveyRequest, type NeedsWorld } from './needs-world';

type Sent = NeedsApi['saveSurvey']['res'];

let w: NeedsWorld;
let first: Sent;

beforeAll(async () => {
  w = await needsWorld();
  first = await w.needs<Sent>('saveSurvey', surveyRequest('draft-0001'), 'vol');
});
afterAll(() => w.cloud.stop());

const count = async () => (await w.docs('surveys')).length;

describe('saveSurvey', () => {
  it('returns the first survey when the same draft is sent again, even at once', async () => {
    const again = await Promise.all(
      [1, 2, 3].map(() => w.needs<Sent>('saveSurvey', surveyRequest('draft-0001'), 'vol')),
    );
    expect(again).toEqual([first, first, first]);
    expect(await w.docs('surveys', { requestId: 'draft-0001' })).toHaveLength(1);
    const racing = await Promise.all(
      [1, 2, 3].map(() => w.needs<Sent>('saveSurvey', surveyRequest('draft-race'), 'vol2')),
    );
    expect(new Set(racing.map((r) => r.surveyId)).size).toBe(1);
    expect(await w.docs('surveys', { requestId: 'draft-race' })).toHaveLength(1);
  });

  it('keeps two surveyors apart even with the same requestId', async () => {
    const other = await w.needs<Sent>('saveSurvey', surveyRequest('draft-0001'), 'leader');
    expect(other.surveyId).not.toBe(first.surveyId);
  });

  it('stores no contact name, address or phone in plain text', async () => {
    const [raw] = await w.docs('surveys', { _id: first.surveyId });
    const text = JSON.stringify(raw);
    for (const plain of ['陈桂英', ADDRESS, '悦来南路', PHONE]) expect(text).not.toContain(plain);
  });

  it.each([
    ['no need', { needs: [] }, '请至少填写一项需求'],
    ['an old notice version', { consent: { by: 'self', version: '2020-01' } }, '告知书'],
    ['a household of 0', { household: { contactName: '陈', address: ADDRESS, size: 0 } }, '家庭人数不能小于 1'],
    ['a bad requestId', { requestId: 'x' }, '草稿编号格式不正确'],
  ])('refuses %s with a clear message and writes nothing', async (_case, overrides, message) => {
    const before = await count();
    const reply = await w.refused('saveSurvey', { ...surveyRequest('draft-bad-1'), ...overrides }, 'vol');
    expect(reply).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining(message) });
    expect(await count()).toBe(before);
  });
});

describe('reading surveys', () => {
  it('shows the coordinator of the town the household', async () => {
    const list = await w.needs<Page<Survey>>('surveys', {}, 'coord');
    const mine = list.items.find((s) => s.surveyId === first.surveyId);
    expect(mine?.household).toMatchObject({ contactName: '陈桂英', address: ADDRESS, phone: PHONE });
    expect(mine?.surveyor.name).toBe(w.people.vol.name);
  });

  it('shows the surveyor their own surveys only', async () => {
    const mine = await w.needs<Page<Survey>>('surveys', { mine: true }, 'vol');
    expect(mine.items.map((s) => s.surveyId)).toEqual([first.surveyId]);
    expect(mine.items[0].household?.address).toBe(ADDRESS);
    expect((await w.needs<Page<Survey>>('surveys', { mine: true }, 'coord-east')).items).toEqual([]);
  });

  it.each([
    ['coordinator of another town', 'coord-east'],
    ['plain volunteer', 'vol2'],
    ['leader of a brigade', 'other-leader'],
  ])('refuses the %s', async (_who, openid) => {
    expect((await w.refused('surveys', { town: '石岐区' }, openid)).code).toBe('PERMISSION_DENIED');
    expect((await w.refused('survey', { surveyId: first.surveyId }, openid)).code).toBe('PERMISSION_DENIED');
  });
});

describe('dismissSurvey', () => {
  it('lets only the coordinator dismiss, once, with a reason', async () => {
    const { surveyId } = await w.needs<Sent>('saveSurvey', surveyRequest('draft-dismiss'), 'vol');
    expect((await w.refused('dismissSurvey', { surveyId, reason: '重复登记' }, 'vol')).code).toBe('PERMISSION_DENIED');
    expect((await w.refused('dismissSurvey', { surveyId, reason: '' }, 'coord')).code).toBe('INVALID_ARGUMENT');
    expect(await w.needs('dismissSurvey', { surveyId, reason: '重复登记' }, 'coord')).toEqual({ status: 'dismissed' });
    expect((await w.refused('dismissSurvey', { surveyId, reason: '重复登记' }, 'coord')).code).toBe(
      'FAILED_PRECONDITION',
    );
    const dismissed = await w.needs<Page<Survey>>('surveys', { status: 'dismissed' }, 'coord');
    expect(dismissed.items.map((s) => s.surveyId)).toEqual([surveyId]);
  });
});

describe('turning a survey into a recipient', () => {
  it('marks the survey converted with the recipient, once', async () => {
    const req = recipientRequest({ surveyId: first.surveyId });
    const made = await w.needs<NeedsApi['saveRecipient']['res']>('saveRecipient', req, 'coord');
    const survey = await w.needs<Survey>('survey', { surveyId: first.surveyId }, 'vol');
    expect(survey).toMatchObject({ status: 'converted', recipientId: made.recipientId });
    expect((await w.refused('saveRecipient', req, 'coord')).code).toBe('FAILED_PRECONDITION');
    expect(await w.docs('recipients', { surveyId: first.surveyId })).toHaveLength(1);
  });

  it('erases the household once the recipient leaves the programme', async () => {
    const { recipientId } = await w.needs<Survey>('survey', { surveyId: first.surveyId }, 'coord');
    await w.needs('closeRecipient', { recipientId, reason: '已入住养老院' }, 'coord');
    const survey = await w.needs<Survey>('survey', { surveyId: first.surveyId }, 'coord');
    expect(survey.household).toBeUndefined();
    expect(survey.members).toHaveLength(1);
  });
});
