import type { Availability, Group, HonourAward, Page, PageRequest, Profile, Qualification, Role } from '../entities';
import type { QualificationType, ServiceCategory, Specialty, Town } from '../data';

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
  /** Home position for 就近 matching: both or neither; only the coordinates are kept. */
  lat?: number;
  lng?: number;
  /** Required under 18: the guardian's name, mobile and consent. */
  guardian?: { name: string; mobile: string; consent: boolean };
  /** Must equal the current PRIVACY_NOTICE_VERSION. */
  privacyConsentVersion: string;
}

export type UpdateRequest = Partial<Omit<RegisterRequest, 'privacyConsentVersion'>> & {
  /** Forget the home position. */
  clearHome?: boolean;
};

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
  /** The towns the caller coordinates (镇区工作台), in the fixed town order; empty for most. */
  coordinatorTowns?: Town[];
}

export interface CardResponse {
  cardNo: string;
  name: string;
  stars: number;
  honours: HonourAward[];
  brigades: string[];
  /** Verified, unexpired qualification types (never the photos). */
  qualifications: QualificationType[];
  /** Minutes of recorded trainings, apart from service. */
  trainingMinutes: number;
  /** Signed token for the card's QR code; `verifyCard` checks it. */
  token: string;
  /** With `withCode`: the card's short scene id; its mini program code opens `pages/verify/index?scene=<scene>`. */
  scene?: string;
  /** The mini program code as a `data:image/png;base64,…` URL, when asked with `withCode` and the code was made. */
  code?: string;
}

/** `withCode`: also give the scene and the mini program code image (only the pages that show the code ask). */
export interface CodeRequest {
  withCode?: boolean;
}

/**
 * What a scene stands for: a card or a proof (a token to verify), a post (its poster), a brigade invite (a poster of
 * the brigade; it expires with the invite).
 */
export type SceneKind = 'card' | 'proof' | 'post' | 'invite';

export interface ResolveSceneRequest {
  scene: string;
}

/**
 * What a scene opens: `card` → `volunteers.verifyCard(token)`, `proof` → `timebank.verifyProof(token)`, `post` → the
 * post page, `invite` → the brigade's join page with the invite code. An unknown or expired scene is NOT_FOUND.
 */
export type ResolveSceneResponse =
  | { kind: 'card' | 'proof'; token: string }
  | { kind: 'post'; postId: string }
  | { kind: 'invite'; brigadeId: string; code: string; expiresAt?: number };

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
  qualifications: QualificationType[];
}

/** A subscribe-message grant the person gave (a tap on 允许). */
export interface ExportedSubscription {
  subject: string;
  templateId: string;
  status: 'granted' | 'used';
  grantedAt: number;
  usedAt?: number;
}

/** A message sent (or queued) to the person. */
export interface ExportedMessage {
  kind: string;
  templateId: string;
  status: string;
  postId?: string;
  data?: Record<string, { value: string }>;
  createdAt: number;
  updatedAt: number;
}

/** Everything held about the caller (PIPL): each section as stored, contact data in full. */
export interface ExportMineResponse {
  profile: Profile;
  memberships: unknown[];
  groups: Group[];
  signups: unknown[];
  records: unknown[];
  ledger: unknown[];
  subscriptions: ExportedSubscription[];
  messages: ExportedMessage[];
  honours: HonourAward[];
  starChanges: { from: number; to: number; cause: string; at: number }[];
  /** Every qualification held about the caller (no photo URL: the photos are theirs to see in 我的资格证书). */
  qualifications: Qualification[];
  exportedAt: number;
}

export interface DeleteMineResponse {
  deleted: true;
}

/**
 * Adds a qualification for review. `fileId` is the certificate photo the caller uploaded (wx.cloud.uploadFile) to
 * `qualifications/<their volunteerId>/…`; it must be a JPEG or PNG within UPLOAD_LIMITS, else it is deleted and
 * refused. The photo then goes through the platform's media check.
 */
export interface AddQualificationRequest {
  type: QualificationType;
  title?: string;
  fileId: string;
  issuedAt?: number;
  expiresAt?: number;
}

export interface AddQualificationResponse {
  qualificationId: string;
  status: 'pending';
}

/** A leader of one of the volunteer's brigades, the coordinator of their town or hq; `reason` required to reject. */
export interface ReviewQualificationRequest {
  volunteerId: string;
  qualificationId: string;
  approve: boolean;
  reason?: string;
}

export interface ReviewQualificationResponse {
  status: 'verified' | 'rejected';
}

/** A volunteer's qualifications: the caller's own without `volunteerId`; a volunteer's for one who may review them. */
export interface QualificationsRequest {
  volunteerId?: string;
}

export interface QualificationsResponse {
  items: Qualification[];
}

/** 资格审核: pending qualifications the caller may review (one brigade, one town, or all for hq), oldest first. */
export interface QualificationQueueRequest extends PageRequest {
  brigadeId?: string;
  town?: Town;
}

export type QueuedQualification = Qualification & { name: string; cardNo: string; town: Town };

export interface VolunteersApi {
  register: { req: RegisterRequest; res: Profile };
  me: { req: Record<string, never>; res: MeResponse };
  update: { req: UpdateRequest; res: Profile };
  card: { req: CodeRequest; res: CardResponse };
  verifyCard: { req: VerifyCardRequest; res: VerifyCardResponse };
  resolveScene: { req: ResolveSceneRequest; res: ResolveSceneResponse };
  exportMine: { req: Record<string, never>; res: ExportMineResponse };
  deleteMine: { req: Record<string, never>; res: DeleteMineResponse };
  addQualification: { req: AddQualificationRequest; res: AddQualificationResponse };
  reviewQualification: { req: ReviewQualificationRequest; res: ReviewQualificationResponse };
  qualifications: { req: QualificationsRequest; res: QualificationsResponse };
  qualificationQueue: { req: QualificationQueueRequest; res: Page<QueuedQualification> };
}
