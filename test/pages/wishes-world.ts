/** A page cloud for the wish pages: a 石岐区 coordinator, a recipient (陈桂英 → 陈婆), wishes posted and published. */
import { RECIPIENT_NOTICE_VERSION } from '../../typings/index';
import { installCloud } from '../helpers/page';
import { surveyWorld, type SurveyWorld } from './survey-world';

export interface WishesWorld extends SurveyWorld {
  recipientId: string;
  /** Posts a wish for the recipient as the coordinator; published by hq unless `pending`. */
  wish(title: string, over?: Record<string, unknown>, pending?: boolean): Promise<string>;
}

async function wishesWorld(): Promise<WishesWorld> {
  const world = await surveyWorld();
  const recipient = await world.data<{ recipientId: string }>(
    'needs',
    {
      action: 'saveRecipient',
      name: '陈桂英',
      categories: ['独居老人'],
      honorific: '婆',
      town: '石岐区',
      community: '悦来社区',
      address: '石岐区悦来南路 18 号',
      phone: '13612345678',
      consent: { by: 'self', version: RECIPIENT_NOTICE_VERSION },
    },
    'page-coordinator',
  );
  const wish = async (title: string, over: Record<string, unknown> = {}, pending = false) => {
    const saved = await world.data<{ wishId: string }>(
      'resources',
      {
        action: 'saveWish',
        recipientId: recipient.recipientId,
        title,
        description: '冬天屋里很冷，婆婆希望有一台小电暖器取暖',
        kind: 'goods',
        estimatedValue: 200,
        ...over,
      },
      'page-coordinator',
    );
    if (!pending)
      await world.data('resources', { action: 'reviewWish', wishId: saved.wishId, approve: true }, 'demo-hq');
    return saved.wishId;
  };
  return { ...world, recipientId: recipient.recipientId, wish };
}

/** The world for one page test file: started before its tests, stopped after; `actAs` picks who the page is. */
export function wishesPages(): { world(): WishesWorld; actAs(openid: string): void } {
  let world: WishesWorld | undefined;
  let openid = '';
  beforeAll(async () => {
    world = await wishesWorld();
    installCloud(
      (name, data) => (world as WishesWorld).cloud.call(name, data, openid),
      (cloudPath, bytes) => (world as WishesWorld).cloud.upload(cloudPath, bytes, openid),
    );
  });
  afterAll(() => world?.cloud.stop());
  return {
    world: () => world as WishesWorld,
    actAs: (who) => {
      openid = who;
    },
  };
}
