/**
 * The needs domain (供需配对) as it crosses the wire: recipients (服务对象), household surveys (需求调查), service plans
 * (服务计划) and assignments (结对). Recipients' personal data is sensitive (PIPL art. 28–31): `detail` is present only
 * for those SPEC lets see it; everyone else gets `displayName`, community and categories.
 */
import type {
  Frequency,
  Honorific,
  QualificationType,
  RecipientCategory,
  ServiceCategory,
  Slot,
  Specialty,
  Town,
  Urgency,
} from './data';
import type { Availability } from './entities';

export type ConsentBy = 'self' | 'guardian';

/** Consent to keep a recipient's data: by the person or a guardian, for a notice version, at a time. */
export interface RecipientConsent {
  by: ConsentBy;
  version: string;
  at: number;
}

export interface RecipientGuardian {
  name: string;
  phone: string;
  relation: string;
}

/**
 * A recipient's personal data. The coordinator of the town and the leaders of the plan's brigade see all of it; an
 * accepted carer sees what a visit needs (name, address, position, phone, guardian), never `notes`.
 */
export interface RecipientDetail {
  name: string;
  address: string;
  lat?: number;
  lng?: number;
  phone?: string;
  guardian?: RecipientGuardian;
  notes?: string;
}

/** What anyone allowed to know of a recipient at all may see. */
export interface RecipientSummary {
  recipientId: string;
  /** Surname + 伯/婆/叔/姨/小朋友 style; never the full name. */
  displayName: string;
  town: Town;
  community: string;
  categories: RecipientCategory[];
}

export type RecipientStatus = 'active' | 'closed';

export interface Recipient extends RecipientSummary {
  status: RecipientStatus;
  /** The honorific the displayName was made with, when the coordinator picked one. */
  honorific?: Honorific;
  /** The brigade that serves them day to day, if any. */
  brigadeId?: string;
  consent: RecipientConsent;
  detail?: RecipientDetail;
  /** The survey this recipient was made from. */
  surveyId?: string;
  createdAt: number;
  updatedAt: number;
  closedAt?: number;
  closeReason?: string;
}

/** One member of a surveyed household and their situation. */
export interface SurveyMember {
  /** e.g. 本人, 配偶, 孙子. */
  relation: string;
  age?: number;
  situation: string;
  categories: RecipientCategory[];
}

/** One need a household named at the door. */
export interface SurveyNeed {
  category: ServiceCategory;
  specialties: Specialty[];
  frequency: Frequency;
  /** Preferred weekday × slot; empty means any time. */
  slots: Availability[];
  urgency: Urgency;
  note?: string;
}

export interface SurveyHousehold {
  /** The person the surveyor spoke to. */
  contactName: string;
  address: string;
  phone?: string;
  size: number;
  lat?: number;
  lng?: number;
}

export type SurveyStatus = 'submitted' | 'converted' | 'dismissed';

export interface Survey {
  surveyId: string;
  town: Town;
  community: string;
  status: SurveyStatus;
  /** Sensitive: only the coordinator of the town and the surveyor see it. */
  household?: SurveyHousehold;
  members: SurveyMember[];
  needs: SurveyNeed[];
  consent: RecipientConsent;
  surveyor: { volunteerId: string; name: string };
  surveyedAt: number;
  /** Set when the coordinator turned the survey into a recipient (and a plan). */
  recipientId?: string;
  planId?: string;
  /** Set when a volunteer opened it by spending banked minutes (时间银行兑换): the redemption and its minutes. */
  redemption?: SurveyRedemption;
}

export interface SurveyRedemption {
  redemptionId: string;
  minutes: number;
  status: 'open' | 'delivered' | 'cancelled';
}

export type ServiceStatus = 'open' | 'covered' | 'ended';

/** One service of a plan: what, how often, when, how long, how many people, who may give it. */
export interface PlanService {
  serviceId: string;
  category: ServiceCategory;
  specialties: Specialty[];
  /** Verified qualifications the carers must hold. */
  qualifications: QualificationType[];
  frequency: Frequency;
  /** 0 = Sunday … 6 = Saturday; absent for `once` services without a fixed weekday. */
  weekday?: number;
  slot: Slot;
  durationMinutes: number;
  /** Carers per visit, 1–5. */
  people: number;
  startDate: number;
  endDate?: number;
  adultsOnly: boolean;
  /** open: fewer accepted carers than `people`; covered: enough; ended: past its end or the plan closed. */
  status: ServiceStatus;
  acceptedCount: number;
  offeredCount: number;
}

export type PlanStatus = 'open' | 'closed';

export interface VisitNote {
  noteId: string;
  text: string;
  author: string;
  postId?: string;
  at: number;
}

export interface Plan {
  planId: string;
  recipient: RecipientSummary;
  brigadeId: string;
  brigadeName: string;
  town: Town;
  goals: string;
  services: PlanService[];
  status: PlanStatus;
  reviewAt?: number;
  /** Newest first; only in `needs.plan`. */
  notes?: VisitNote[];
  closedAt?: number;
  closeNote?: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * A volunteer's place on a plan's service (结对), unique per (plan service, volunteer). `volunteered`: the volunteer
 * offered help from 附近需求 and waits for the coordinator; `offered`: waiting for the volunteer's answer until
 * `expiresAt` (48 h), then `expired` and the next candidate is offered; `accepted` pairs stick; `ended` when the plan
 * closes or the carer stops.
 */
export type AssignmentStatus = 'volunteered' | 'offered' | 'accepted' | 'declined' | 'expired' | 'ended';

export interface Assignment {
  assignmentId: string;
  planId: string;
  serviceId: string;
  volunteerId: string;
  name: string;
  cardNo: string;
  groupId?: string;
  status: AssignmentStatus;
  offeredAt: number;
  expiresAt?: number;
  respondedAt?: number;
}
