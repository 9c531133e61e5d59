// 需求调查详情 for the coordinator: the household under review, 建档 opens the prefilled recipient form; a
// volunteer who is not concerned sees nothing of the household.
import { installCloud, loadPage, tap, textOf, waitForText, wxCalls } from '../helpers/page';
import { surveyWorld, type SurveyWorld } from './survey-world';

let w: SurveyWorld;
let openid = 'page-coordinator';
const surveyPage = loadPage('coordinator/pages/survey/index');

beforeAll(async () => {
  w = await surveyWorld();
  installCloud((name, event) => w.cloud.call(name, event, openid));
});
afterAll(() => w.cloud.stop());

describe('需求调查详情', () => {
  it('shows the coordinator the household and opens the prefilled recipient form', async () => {
    const review = await surveyPage.open({ surveyId: w.surveyId });
    await waitForText(review, '石岐区悦来南路 18 号');
    expect(textOf(review)).toContain('独居，腿脚不便');
    await tap(review, '#survey-convert');
    const url = `/coordinator/pages/recipient-form/index?surveyId=${w.surveyId}`;
    expect(wxCalls.at(-1)).toEqual({ api: 'navigateTo', args: { url } });
    review.detach();
  });

  it('shows a volunteer who is not concerned nothing of the household', async () => {
    openid = 'page-passer-by';
    await w.register(openid, '路人甲', '13800138023', '东区');
    const review = await surveyPage.open({ surveyId: w.surveyId });
    await waitForText(review, '仅该镇区的社工');
    expect(textOf(review)).not.toContain('悦来南路');
    review.detach();
  });
});
