/** Data access for the `volunteers` collection. */
import { db, first } from '../cloud';
import type { Availability } from '../../typings/entities';

export interface VolunteerDoc {
  _id: string;
  openid: string;
  cardNo: string;
  name: string;
  /** AES-256-GCM ciphertext of the mobile number (see server/pii.ts). */
  mobileEnc: string;
  /** Last four digits and prefix, enough to show the masked number without decrypting. */
  mobileMasked: string;
  town: string;
  community?: string;
  specialties: string[];
  intentions: string[];
  serviceAreas: string[];
  availability: Availability[];
  birthYear: number;
  guardian?: { name: string; mobileEnc: string; mobileMasked: string };
  privacyConsent: { version: string; at: number };
  registeredAt: number;
  stars: number;
  earnedMinutes: number;
  ratingSum: number;
  ratingCount: number;
}

const volunteers = () => db.collection('volunteers');

export async function findByOpenid(openid: string): Promise<VolunteerDoc | undefined> {
  return first<VolunteerDoc>(volunteers().where({ openid }));
}
