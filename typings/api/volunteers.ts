import type { Availability, HonourAward, Profile, Role } from '../entities';
import type { ServiceCategory, Specialty, Town } from '../data';

export interface RegisterRequest {
  name: string;
  mobile: string;
  town: Town;
  community?: string;
  specialties: Specialty[];
  intentions?: ServiceCategory[];
  serviceAreas?: Town[];
  availability?: Availability[];
  birthYear: number;
  /** Required under 18: the guardian's name, mobile and consent. */
  guardian?: { name: string; mobile: string; consent: boolean };
  /** Must equal the current PRIVACY_NOTICE_VERSION. */
  privacyConsentVersion: string;
}

export type UpdateRequest = Partial<Omit<RegisterRequest, 'privacyConsentVersion'>>;

export interface MeResponse {
  registered: boolean;
  profile?: Profile;
  cardNo?: string;
  stars?: number;
  earnedMinutes?: number;
  balanceMinutes?: number;
  /** Titles of the honours held, newest first, e.g. `2026 年度优秀义工`. */
  honourTitles?: string[];
  brigades?: { brigadeId: string; name: string; status: string; leader: boolean }[];
  roles: Role[];
}

export interface CardResponse {
  cardNo: string;
  name: string;
  stars: number;
  honours: HonourAward[];
  brigades: string[];
  /** Signed token for the card's QR code; `verifyCard` checks it. */
  token: string;
}

export interface VerifyCardRequest {
  token: string;
}

/** What a verified card may show to whoever scans it. */
export interface VerifyCardResponse {
  valid: true;
  cardNo: string;
  name: string;
  stars: number;
  brigades: string[];
  honours: HonourAward[];
}

export interface ExportMineResponse {
  profile: Profile;
  memberships: unknown[];
  signups: unknown[];
  records: unknown[];
  ledger: unknown[];
  honours: HonourAward[];
  exportedAt: number;
}

export interface DeleteMineResponse {
  deleted: true;
}

export interface VolunteersApi {
  register: { req: RegisterRequest; res: Profile };
  me: { req: Record<string, never>; res: MeResponse };
  update: { req: UpdateRequest; res: Profile };
  card: { req: Record<string, never>; res: CardResponse };
  verifyCard: { req: VerifyCardRequest; res: VerifyCardResponse };
  exportMine: { req: Record<string, never>; res: ExportMineResponse };
  deleteMine: { req: Record<string, never>; res: DeleteMineResponse };
}
