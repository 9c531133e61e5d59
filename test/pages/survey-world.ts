/** A page cloud with a 石岐区 coordinator and a household survey waiting for review. */
import { PRIVACY_NOTICE_VERSION, RECIPIENT_NOTICE_VERSION } from '../../typings/index';
import { startPageCloud, type PageCloud } from '../helpers/page-cloud';

export interface SurveyWorld {
  cloud: PageCloud;
  surveyId: string;
  data<T>(name: string, event: Record<string, unknown>, who: string): Promise<T>;
  register(openid: string, name: string, mobile: string, town?: string): Promise<unknown>;
}

export async function surveyWorld(): Promise<SurveyWorld> {
  const cloud = await startPageCloud();
  const data = async <T>(name: string, event: Record<string, unknown>, who: string): Promise<T> => {
    const reply = (await cloud.call(name, event, who)) as { ok: boolean; data: T; message?: string };
    if (!reply.ok) throw new Error(`${name}.${String(event.action)}: ${reply.message}`);
    return reply.data;
  };
  const register = (openid: string, name: string, mobile: string, town = '石岐区') =>
    data(
      'volunteers',
      {
        action: 'register',
        name,
        mobile,
        town,
        specialties: ['社工'],
        birthYear: 1985,
        privacyConsentVersion: PRIVACY_NOTICE_VERSION,
      },
      openid,
    );
  await register('page-coordinator', '苏社工', '13800138021');
  await register('page-surveyor', '林义工', '13800138022');
  const me = await data<{ cardNo: string }>('volunteers', { action: 'me' }, 'page-coordinator');
  await data('brigades', { action: 'setCoordinator', town: '石岐区', cardNo: me.cardNo }, 'demo-hq');
  const saved = await data<{ surveyId: string }>(
    'needs',
    {
      action: 'saveSurvey',
      requestId: 'page-convert-1',
      town: '石岐区',
      community: '悦来社区',
      household: { contactName: '陈桂英', address: '石岐区悦来南路 18 号', phone: '13612345678', size: 1 },
      members: [{ relation: '本人', age: 82, situation: '独居，腿脚不便', categories: ['独居老人'] }],
      needs: [{ category: '探访慰问', specialties: [], frequency: 'weekly', slots: [], urgency: 'soon' }],
      consent: { by: 'self', version: RECIPIENT_NOTICE_VERSION },
    },
    'page-surveyor',
  );
  return { cloud, surveyId: saved.surveyId, data, register };
}
