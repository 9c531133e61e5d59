import type { Contact, Page, PageRequest, Post, PostKind, Signup, SignupStatus } from '../entities';
import type { QualificationType, ServiceCategory, Specialty, Town } from '../data';
import type { ShareSource } from './brigades';

export interface CreatePostRequest {
  brigadeId: string;
  title: string;
  description: string;
  /** Required for a service; a training's is 培训 (the default when omitted, the only one allowed). */
  category?: ServiceCategory;
  address: string;
  lat?: number;
  lng?: number;
  startAt: number;
  endAt: number;
  quota: number;
  signupDeadline?: number;
  requiredSpecialties?: Specialty[];
  /** Sign-up needs one of these verified, unexpired qualifications. */
  requiredQualifications?: QualificationType[];
  /** Default `service`; a `training` has a topic and a trainer and its minutes are training minutes. */
  kind?: PostKind;
  topic?: string;
  trainer?: string;
  adultsOnly?: boolean;
  membersOnly?: boolean;
  /** Create a weekly series: the same weekday and time for this many weeks (`SERIES_WEEKS`: 2–26). */
  repeatWeeks?: number;
}

export type UpdatePostRequest = { postId: string } & Partial<Omit<CreatePostRequest, 'brigadeId' | 'repeatWeeks'>>;

export interface ListPostsRequest extends PageRequest {
  town?: Town;
  category?: ServiceCategory;
  brigadeId?: string;
  /** Only posts starting at or after this time (default: now). */
  from?: number;
  /** The caller's location, for nearest first. */
  lat?: number;
  lng?: number;
}

/**
 * A brigade's posts as its leaders work them (大队工作台): not started; started and not ended; ended with confirmed
 * sign-ups and nothing recorded yet; ended with at least one attendee recorded. Cancelled posts are in none.
 */
export const BRIGADE_POST_STATES = ['upcoming', 'ongoing', 'unrecorded', 'recorded'] as const;
export type BrigadePostState = (typeof BRIGADE_POST_STATES)[number];

export interface BrigadePostsRequest extends PageRequest {
  brigadeId: string;
  state: BrigadePostState;
}

/** A post of the workbench; ended posts carry how many attendees are recorded. */
export type BrigadePost = Post & { recordedCount?: number };

export interface SignupResponse {
  status: SignupStatus;
  /** 1-based waitlist position. */
  position?: number;
}

/** What the leader recorded for one attendee (服务情况录入): absent, or minutes with a 1–5 rating. */
export interface AttendanceRecord {
  status: 'attended' | 'absent';
  minutes: number;
  rating?: number;
}

/** A post as the caller sees it: their sign-up, once recorded what they earned, and whom to contact. */
export type PostDetailResponse = Post & {
  mySignup?: Signup;
  myRecord?: AttendanceRecord;
  iLead: boolean;
  contact?: Contact;
};

/** What was recorded for me on a post of 我的报名 (absent until recorded). */
export interface MyRecord {
  status: 'attended' | 'absent';
  minutes: number;
  rating?: number;
  recordedAt: number;
}

/** A row of 我的报名: the post, my sign-up and, once recorded, my record. */
export type MyPost = Post & { mySignup: Signup; myRecord?: MyRecord };

export interface RosterEntry {
  volunteerId: string;
  name: string;
  cardNo: string;
  status: SignupStatus;
  position?: number;
  checkinAt?: number;
  checkoutAt?: number;
  /** What the leader recorded for this attendee (服务情况录入), once recorded. */
  record?: AttendanceRecord;
}

/** A post's poster code: its scene (one per post) and the mini program code opening the post. */
export interface PostPosterResponse {
  scene: string;
  code: string;
}

/** Photos of a recorded service (leaders of the brigade, after it started): media-checked before anyone sees them. */
export interface AddPhotosRequest {
  postId: string;
  /** Uploaded to `photos/<volunteerId>/…`; 1–6 per call, at most 9 per post. */
  fileIds: string[];
}

export interface PostsApi {
  create: { req: CreatePostRequest; res: Post & { seriesPostIds?: string[] } };
  update: { req: UpdatePostRequest; res: Post };
  cancel: { req: { postId: string; reason: string }; res: Post };
  list: { req: ListPostsRequest; res: Page<Post> };
  get: { req: { postId: string }; res: PostDetailResponse };
  signup: { req: { postId: string; source?: ShareSource }; res: SignupResponse };
  poster: { req: { postId: string }; res: PostPosterResponse };
  addPhotos: { req: AddPhotosRequest; res: { photos: number } };
  withdraw: { req: { postId: string }; res: SignupResponse };
  mine: { req: PageRequest & { past?: boolean }; res: Page<MyPost> };
  /**
   * The brigade's posts in one state, for its leaders and hq (PERMISSION_DENIED otherwise): upcoming and ongoing
   * soonest first, ended ones latest first.
   */
  ofBrigade: { req: BrigadePostsRequest; res: Page<BrigadePost> };
  roster: { req: { postId: string }; res: { items: RosterEntry[] } };
  checkinCode: { req: { postId: string }; res: { code: string; expiresAt: number } };
  /**
   * A wrong code answers INVALID_ARGUMENT; after 5 wrong codes of a volunteer on a post within 10 minutes, every
   * code (the right one too) answers RESOURCE_EXHAUSTED until the 10 minutes are over. Check-out alike.
   */
  checkin: { req: { postId: string; code: string }; res: { checkinAt: number } };
  checkout: { req: { postId: string; code: string }; res: { checkoutAt: number; minutes: number } };
}
