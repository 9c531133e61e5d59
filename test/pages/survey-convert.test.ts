// 服务对象建档 from a survey: the form comes prefilled from the household, 保存 makes the recipient and marks the
// survey converted.
import type { Recipient, Survey } from '../../typings/needs';
import { installCloud, loadPage, tap, waitFor, wxCalls } from '../helpers/page';
import { surveyWorld, type SurveyWorld } from './survey-world';

let w: SurveyWorld;
const formPage = loadPage('coordinator/pages/recipient-form/index');

beforeAll(async () => {
  w = await surveyWorld();
  installCloud((name, event) => w.cloud.call(name, event, 'page-coordinator'));
});
afterAll(() => w.cloud.stop());

describe('survey → recipient', () => {
  it('saves the prefilled form as a recipient and marks the survey converted', async () => {
    const form = await formPage.open({ surveyId: w.surveyId });
    await waitFor(form, () => (form.instance.data as { form: { name: string } }).form.name === '陈桂英', {
      what: 'prefilled name',
    });
    await tap(form, '#rf-submit');
    await waitFor(form, () => wxCalls.at(-1)?.api === 'redirectTo', { what: 'redirect to the recipient' });
    const recipientId = (wxCalls.at(-1)?.args as { url: string }).url.split('recipientId=')[1];
    form.detach();

    const survey = await w.data<Survey>('needs', { action: 'survey', surveyId: w.surveyId }, 'page-coordinator');
    expect(survey).toMatchObject({ status: 'converted', recipientId });
    const recipient = await w.data<Recipient>('needs', { action: 'recipient', recipientId }, 'page-coordinator');
    expect(recipient).toMatchObject({ displayName: '陈长者', community: '悦来社区', categories: ['独居老人'] });
    expect(recipient.detail).toMatchObject({ name: '陈桂英', address: '石岐区悦来南路 18 号', phone: '13612345678' });
  });
});
