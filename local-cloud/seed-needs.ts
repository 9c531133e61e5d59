/**
 * Demo households for the needs pages: surveys a volunteer made at the door in 石岐区, one of them turned into a
 * recipient by the town's coordinator, and a recipient kept directly — all through the real `needs` functions.
 */
import { RECIPIENT_NOTICE_VERSION } from '../typings/data';
import type { SaveRecipientRequest, SaveSurveyRequest } from '../typings/api/needs';
import type { LocalCloud } from './index';

type Call = <T>(cloud: LocalCloud, name: string, event: object, openid: string) => Promise<T>;

const consent = { by: 'self' as const, version: RECIPIENT_NOTICE_VERSION };

const SURVEYS: Omit<SaveSurveyRequest, 'consent'>[] = [
  {
    requestId: 'demo-survey-chen',
    town: '石岐区',
    community: '悦来社区',
    household: { contactName: '陈桂英', address: '石岐区悦来南路 18 号 3 栋 402', phone: '13612345678', size: 1 },
    members: [{ relation: '本人', age: 82, situation: '独居，膝关节退化，上下楼困难', categories: ['独居老人'] }],
    needs: [
      {
        category: '探访慰问',
        specialties: [],
        frequency: 'weekly',
        slots: [{ weekday: 2, slot: 'morning' }],
        urgency: 'soon',
        note: '希望有人陪聊天、帮忙买菜',
      },
      { category: '陪同就医', specialties: [], frequency: 'monthly', slots: [], urgency: 'normal' },
    ],
  },
  {
    requestId: 'demo-survey-he',
    town: '石岐区',
    community: '民族社区',
    household: { contactName: '何润开', address: '石岐区民族路 66 号', size: 3 },
    members: [
      { relation: '本人', age: 45, situation: '单亲，打零工', categories: ['单亲特困家庭'] },
      { relation: '儿子', age: 9, situation: '读小学三年级，功课跟不上', categories: ['困境儿童'] },
    ],
    needs: [
      {
        category: '课业辅导',
        specialties: ['教育辅导'],
        frequency: 'weekly',
        slots: [{ weekday: 6, slot: 'afternoon' }],
        urgency: 'normal',
      },
    ],
  },
];

const RECIPIENT: SaveRecipientRequest = {
  name: '黄志明',
  categories: ['残疾人'],
  honorific: '叔',
  town: '石岐区',
  community: '太平社区',
  address: '石岐区太平路 12 号',
  phone: '0760-88881234',
  notes: '轮椅出行，需协助就医',
  consent,
};

/** Seeds the needs demo; returns the refs the previews open. */
export async function seedNeeds(
  cloud: LocalCloud,
  call: Call,
  surveyor: string,
  coordinator: string,
): Promise<Record<string, string>> {
  const ids: string[] = [];
  for (const survey of SURVEYS) {
    const saved = await call<{ surveyId: string }>(
      cloud,
      'needs',
      { action: 'saveSurvey', ...survey, consent },
      surveyor,
    );
    ids.push(saved.surveyId);
  }
  const made = await call<{ recipientId: string }>(
    cloud,
    'needs',
    {
      action: 'saveRecipient',
      name: '陈桂英',
      categories: ['独居老人'],
      honorific: '婆',
      town: '石岐区',
      community: '悦来社区',
      address: '石岐区悦来南路 18 号 3 栋 402',
      phone: '13612345678',
      notes: '膝关节退化，上下楼需搀扶',
      consent,
      surveyId: ids[0],
    },
    coordinator,
  );
  await call(cloud, 'needs', { action: 'saveRecipient', ...RECIPIENT }, coordinator);
  return { convertedSurvey: ids[0], survey: ids[1], recipient: made.recipientId };
}
