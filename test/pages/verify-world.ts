/** A volunteer with a card (and its mini program code) on the real local cloud, for the verification page tests. */
import { PRIVACY_NOTICE_VERSION, type CardResponse, type Envelope, type Profile } from '../../typings/index';
import { installCloudInRealm } from '../helpers/page';
import { startPageCloud, type PageCloud } from '../helpers/page-cloud';

export interface VerifyWorld {
  cloud: PageCloud;
  profile: Profile;
  card: CardResponse;
  /** Whom the pages call as. */
  as(openid: string): void;
}

export async function verifyWorld(): Promise<VerifyWorld> {
  const cloud = await startPageCloud();
  let openid = '';
  installCloudInRealm((name, data) => cloud.call(name, data, openid));
  async function ask<T>(name: string, event: Record<string, unknown>): Promise<T> {
    const reply = (await cloud.call(name, event, 'holder')) as Envelope<T>;
    if (!reply.ok) throw new Error(reply.message);
    return reply.data;
  }
  const profile = await ask<Profile>('volunteers', {
    action: 'register',
    name: '梁晓敏',
    mobile: '13600136000',
    town: '东区',
    specialties: [],
    birthYear: 1988,
    privacyConsentVersion: PRIVACY_NOTICE_VERSION,
  });
  const card = await ask<CardResponse>('volunteers', { action: 'card', withCode: true });
  return { cloud, profile, card, as: (who) => void (openid = who) };
}
