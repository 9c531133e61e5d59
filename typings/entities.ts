/**
 * Entity types as they cross the wire. Times are epoch milliseconds; calendar days are Asia/Shanghai days.
 * People are referred to by `volunteerId` (opaque, never the openid) or `cardNo`.
 */
import type { Honour, QualificationType, ServiceCategory, Slot, Specialty, Town } from './data';

export type Role = 'visitor' | 'volunteer' | 'leader' | 'coordinator' | 'hq';

export interface Availability {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  slot: Slot;
}

export interface Guardian {
  name: string;
  /** Masked unless the reader may see it. */
  mobile: string;
}

/** A volunteer's profile as its owner (or a leader of one of their brigades) sees it. */
export interface Profile {
  volunteerId: string;
  cardNo: string;
  name: string;
  /** Masked (`138****8000`) except for the owner and the leaders of a brigade the volunteer belongs to. */
  mobile: string;
  town: Town;
  community?: string;
  specialties: Specialty[];
  intentions: ServiceCategory[];
  serviceAreas: Town[];
  availability: Availability[];
  birthYear: number;
  /** Home position for 就近 matching (coordinates only, never the address); only the owner sees it. */
  lat?: number;
  lng?: number;
  guardian?: Guardian;
  privacyConsent: { version: string; at: number };
  registeredAt: number;
}

export interface HonourAward {
  honourId: string;
  honour: Honour;
  /** Only for 优秀义工, which is yearly. */
  year?: number;
  reason: string;
  awardedAt: number;
}

export type JoinMode = 'open' | 'review';

export interface Brigade {
  brigadeId: string;
  name: string;
  town: Town;
  joinMode: JoinMode;
  description?: string;
  /** The service brand (服务品牌, ≤ 12, e.g. 情暖夕阳) and its one-line story (≤ 60), edited by its leaders. */
  brand?: string;
  story?: string;
  /** Leaders by name and card number (never contact data). */
  leaders: { volunteerId: string; name: string; cardNo: string }[];
  memberCount: number;
  createdAt: number;
}

/**
 * Whom to contact about a brigade or its posts: its first appointed leader still registered. `mobile` (in full)
 * only for those signed up for the post, members and leaders of the brigade, and hq.
 */
export interface Contact {
  name: string;
  mobileMasked: string;
  mobile?: string;
}

export type MembershipStatus = 'active' | 'pending' | 'rejected' | 'left';

export interface Membership {
  brigadeId: string;
  volunteerId: string;
  status: MembershipStatus;
  joinedAt: number;
}

export interface Member {
  volunteerId: string;
  name: string;
  cardNo: string;
  /** Full only for the brigade's leaders; masked otherwise. */
  mobile: string;
  status: MembershipStatus;
  joinedAt: number;
}

export interface Group {
  groupId: string;
  brigadeId: string;
  name: string;
  members: { volunteerId: string; name: string; cardNo: string }[];
  updatedAt: number;
}

export type PostStatus = 'published' | 'cancelled';

export type PostVisibility = 'public' | 'assigned';

/**
 * `service` (the default): its recorded minutes are service minutes (stars, balance). `training` (培训): recorded the
 * same way, but its minutes are training minutes, shown apart and never counted for stars or the balance.
 */
export type PostKind = 'service' | 'training';

export interface Post {
  postId: string;
  brigadeId: string;
  brigadeName: string;
  town: Town;
  title: string;
  description: string;
  category: ServiceCategory;
  address: string;
  lat?: number;
  lng?: number;
  startAt: number;
  endAt: number;
  signupDeadline: number;
  quota: number;
  confirmedCount: number;
  waitlistCount: number;
  requiredSpecialties: Specialty[];
  /** Verified, unexpired qualifications a volunteer must hold to sign up (any one of them). */
  requiredQualifications: QualificationType[];
  kind: PostKind;
  /** Trainings only: what is taught (培训主题) and who teaches it (讲师). */
  topic?: string;
  trainer?: string;
  adultsOnly: boolean;
  membersOnly: boolean;
  status: PostStatus;
  /** Series id when created as part of a weekly recurring series. */
  seriesId?: string;
  /**
   * `public` (the default): in the feed for anyone. `assigned`: a visit of a service plan (结对探访), seen only by
   * its signed-up carers, the brigade's leaders, the town's coordinator and hq; never in the feed.
   */
  visibility?: PostVisibility;
  /** For visits: the plan, its service and the recipient they serve. */
  planId?: string;
  serviceId?: string;
  recipientId?: string;
  cancelReason?: string;
  /** Distance in metres, when the list was asked for nearest first. */
  distance?: number;
  createdAt: number;
}

export type SignupStatus = 'confirmed' | 'waitlisted' | 'withdrawn' | 'cancelled';

export interface Signup {
  postId: string;
  volunteerId: string;
  status: SignupStatus;
  /** 1-based waitlist position, only while waitlisted. */
  position?: number;
  checkinAt?: number;
  checkoutAt?: number;
  signedUpAt: number;
}

export type RecordStatus = 'attended' | 'absent';

export interface ServiceRecord {
  recordId: string;
  postId: string;
  postTitle: string;
  brigadeId: string;
  brigadeName: string;
  category: ServiceCategory;
  volunteerId: string;
  status: RecordStatus;
  minutes: number;
  rating?: number;
  serviceDate: number;
  recordedAt: number;
}

/**
 * `redemption`: a volunteer's minutes into the bank's redemption account (held); `redemption-return`: back when the
 * redemption is cancelled; `redemption-spent`: from the redemption account into the bank's spent account when the
 * service was delivered (the volunteer's account is not touched again).
 */
export type LedgerKind = 'credit' | 'transfer' | 'adjustment' | 'redemption' | 'redemption-return' | 'redemption-spent';

/** One side of a ledger movement; the two entries of a movement share `movementId` and sum to zero. */
export interface LedgerEntry {
  entryId: string;
  movementId: string;
  kind: LedgerKind;
  /** Positive: into this account; negative: out of it. */
  minutes: number;
  /** The other side, shown as a name and card number or a brigade name. */
  counterparty: string;
  note?: string;
  postId?: string;
  at: number;
}

export interface Page<T> {
  items: T[];
  total?: number;
  nextCursor?: string;
}

export interface PageRequest {
  /** 1–50, default 20. */
  pageSize?: number;
  cursor?: string;
}

export type * from './needs';

export type QualificationStatus = 'pending' | 'verified' | 'rejected' | 'expired';

/** How the platform's media check (security.mediaCheckAsync) judged an uploaded image. */
export type MediaStatus = 'checking' | 'pass' | 'risky';

/**
 * A professional qualification (专业技术资格) as its owner or a reviewer sees it. Others only ever see the verified,
 * unexpired types (on the card), never the photo.
 */
export interface Qualification {
  qualificationId: string;
  volunteerId: string;
  type: QualificationType;
  /** The certificate's own name, e.g. 二级心理咨询师. */
  title?: string;
  status: QualificationStatus;
  issuedAt?: number;
  expiresAt?: number;
  /** Why it was rejected. */
  reason?: string;
  media: MediaStatus;
  /** A temporary URL of the certificate photo: only for its owner and those who may review it, once it passed. */
  photoUrl?: string;
  submittedAt: number;
  reviewedAt?: number;
  /** The reviewer's name. */
  reviewedBy?: string;
}
