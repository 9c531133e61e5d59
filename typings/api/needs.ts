/**
 * The `needs` function: recipients, household surveys, service plans, matching (供需配对) and the volunteer's side.
 * Who may call what: the coordinator of the town and the leaders of the brigade concerned manage; any registered
 * volunteer surveys, answers offers and sees 附近需求; accepted carers read their recipient's visit details.
 */
import type { Page, PageRequest } from '../entities';
import type {
  Assignment,
  AssignmentStatus,
  Plan,
  PlanService,
  PlanStatus,
  Recipient,
  RecipientDetail,
  RecipientStatus,
  RecipientSummary,
  Survey,
  SurveyHousehold,
  SurveyMember,
  SurveyNeed,
  SurveyStatus,
  VisitNote,
  ConsentBy,
} from '../needs';
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
} from '../data';

/** The recipient's personal data (encrypted at rest) and what everyone may know of them. */
export interface SaveRecipientRequest extends RecipientDetail {
  recipientId?: string;
  categories: RecipientCategory[];
  /** How to call them in displayName (伯/婆/叔/姨/小朋友); without it: 小朋友 for children, else 长者 or 家. */
  honorific?: Honorific;
  town: Town;
  community: string;
  /** Required; `version` must equal RECIPIENT_NOTICE_VERSION. */
  consent: { by: ConsentBy; version: string };
  brigadeId?: string;
  /** Turn this survey into the recipient (the survey becomes `converted`). */
  surveyId?: string;
}

export interface ListRecipientsRequest extends PageRequest {
  /** Default: the caller's (first) coordinator town. */
  town?: Town;
  brigadeId?: string;
  category?: RecipientCategory;
  status?: RecipientStatus;
}

export interface SaveSurveyRequest {
  /** Made on the phone when the draft is started: sending the same draft twice keeps one survey. */
  requestId: string;
  town: Town;
  community: string;
  household: SurveyHousehold;
  members: SurveyMember[];
  needs: SurveyNeed[];
  consent: { by: ConsentBy; version: string };
}

export interface ListSurveysRequest extends PageRequest {
  town?: Town;
  status?: SurveyStatus;
  /** Only the caller's own surveys (any surveyor). */
  mine?: boolean;
}

export interface PlanServiceInput {
  serviceId?: string;
  category: ServiceCategory;
  specialties?: Specialty[];
  qualifications?: QualificationType[];
  frequency: Frequency;
  weekday?: number;
  slot: Slot;
  durationMinutes: number;
  people: number;
  startDate: number;
  endDate?: number;
  adultsOnly?: boolean;
}

export interface SavePlanRequest {
  planId?: string;
  recipientId: string;
  brigadeId: string;
  goals: string;
  services: PlanServiceInput[];
  reviewAt?: number;
  /** The survey the plan answers (marks it `converted` with this plan). */
  surveyId?: string;
}

export interface ListPlansRequest extends PageRequest {
  town?: Town;
  brigadeId?: string;
  recipientId?: string;
  status?: PlanStatus;
  /** Plans whose review date has passed. */
  dueForReview?: boolean;
}

export interface ReviewPlanRequest {
  planId: string;
  note: string;
  nextReviewAt?: number;
  /** Close the plan (its services end, unaccepted offers end, accepted carers are told). */
  close?: boolean;
}

export interface MatchRequest {
  planId: string;
  serviceId: string;
  pageSize?: number;
}

export interface MatchCandidate {
  volunteerId: string;
  name: string;
  cardNo: string;
  /** 0–1, best first. */
  score: number;
  distanceKm?: number;
  /** Why it ranks here, read at a glance: "1.2 km", "擅长理发", "周二上午有空", "已服务该长者 6 次". */
  reasons: string[];
  groupId?: string;
  /** Already on this service (offered, volunteered or accepted). */
  assignment?: { assignmentId: string; status: AssignmentStatus };
}

export interface MatchResponse {
  items: MatchCandidate[];
  /** Each hard filter that excluded someone, with how many: "缺少专长：理发" 12, "周二上午没空" 30 … */
  excluded: { reason: string; count: number }[];
}

export interface AssignRequest {
  planId: string;
  serviceId: string;
  volunteerIds?: string[];
  groupId?: string;
}

export interface MineItem {
  assignmentId: string;
  status: AssignmentStatus;
  planId: string;
  recipient: RecipientSummary;
  /** What a visit needs, only once accepted. */
  visit?: Omit<RecipientDetail, 'notes'>;
  service: PlanService;
  brigadeName: string;
  expiresAt?: number;
  nextVisitAt?: number;
  nextVisitPostId?: string;
}

export interface NearbyRequest extends PageRequest {
  lat?: number;
  lng?: number;
}

/** An open need near the volunteer that fits their specialties and time; the recipient masked. */
export interface NearbyItem {
  planId: string;
  serviceId: string;
  recipient: Pick<RecipientSummary, 'displayName' | 'town' | 'community' | 'categories'>;
  service: Pick<
    PlanService,
    'category' | 'specialties' | 'frequency' | 'weekday' | 'slot' | 'durationMinutes' | 'people' | 'acceptedCount'
  >;
  urgency?: Urgency;
  distanceKm?: number;
  /** Set when the caller already offered help or holds an offer. */
  myStatus?: AssignmentStatus;
}

export interface NeedsApi {
  saveRecipient: { req: SaveRecipientRequest; res: { recipientId: string; displayName: string } };
  recipients: { req: ListRecipientsRequest; res: Page<Recipient> };
  recipient: {
    req: { recipientId: string };
    res: Recipient & { plans: Pick<Plan, 'planId' | 'status' | 'brigadeName'>[] };
  };
  closeRecipient: { req: { recipientId: string; reason: string }; res: { status: 'closed' } };
  saveSurvey: { req: SaveSurveyRequest; res: { surveyId: string; status: SurveyStatus } };
  surveys: { req: ListSurveysRequest; res: Page<Survey> };
  survey: { req: { surveyId: string }; res: Survey };
  dismissSurvey: { req: { surveyId: string; reason: string }; res: { status: 'dismissed' } };
  savePlan: { req: SavePlanRequest; res: { planId: string; services: PlanService[] } };
  plans: { req: ListPlansRequest; res: Page<Plan> };
  plan: { req: { planId: string }; res: Plan & { assignments: Assignment[] } };
  reviewPlan: { req: ReviewPlanRequest; res: { status: PlanStatus; reviewAt?: number } };
  addNote: { req: { planId: string; text: string; postId?: string }; res: VisitNote };
  match: { req: MatchRequest; res: MatchResponse };
  assign: { req: AssignRequest; res: { assignments: Pick<Assignment, 'assignmentId' | 'volunteerId' | 'status'>[] } };
  respond: {
    req: { assignmentId: string; accept: boolean; reason?: string };
    res: { status: 'accepted' | 'declined' };
  };
  mine: { req: PageRequest; res: Page<MineItem> };
  nearby: { req: NearbyRequest; res: Page<NearbyItem> };
  offerHelp: { req: { planId: string; serviceId: string }; res: { assignmentId: string; status: 'volunteered' } };
}
