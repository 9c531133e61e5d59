import type {
  Brigade,
  Contact,
  Group,
  JoinMode,
  Member,
  Membership,
  MembershipStatus,
  Page,
  PageRequest,
} from '../entities';
import type { Slot, Specialty, Town } from '../data';

export interface CreateBrigadeRequest {
  name: string;
  town: Town;
  joinMode: JoinMode;
  description?: string;
}

export interface UpdateBrigadeRequest {
  brigadeId: string;
  name?: string;
  joinMode?: JoinMode;
  description?: string;
  /** The brigade's service brand (服务品牌, e.g. 情暖夕阳, ≤ 12) and its one-line story (≤ 60); leaders edit them. */
  brand?: string;
  story?: string;
}

export interface ListBrigadesRequest extends PageRequest {
  town?: Town;
  /** Only brigades the caller belongs to or leads. */
  mine?: boolean;
}

export interface InviteRequest {
  brigadeId: string;
  /** Optional expiry (epoch ms). */
  expiresAt?: number;
  /** Revoke this code instead of creating one. */
  revokeCode?: string;
}

export interface InviteResponse {
  code: string;
  /** Opens the join page with the code, for onShareAppMessage. */
  path: string;
  expiresAt?: number;
  revoked?: boolean;
}

export interface JoinRequest {
  code: string;
  /** Where the link came from, for the recruitment figures (default `chat`). */
  source?: ShareSource;
}

/** Where a sign-up or a join came from: a chat card, Moments, a scanned poster, or the feed (in the app). */
export type ShareSource = 'chat' | 'moments' | 'poster' | 'feed';

/** Asks to join from the brigade's own page, with no invite: an open brigade admits at once, else its leaders review. */
export interface ApplyRequest {
  brigadeId: string;
  /** Where the page was opened from, for the recruitment figures (default `feed`). */
  source?: ShareSource;
}

export interface JoinResponse {
  brigadeId: string;
  status: 'active' | 'pending';
}

/** Filters combine: a member is listed only when every filter given holds. */
export interface MembersRequest extends PageRequest {
  brigadeId: string;
  status?: MembershipStatus;
  specialty?: Specialty;
  town?: Town;
  community?: string;
  /** 0 = Sunday … 6 = Saturday; with `slot`, available in that slot of that day. */
  weekday?: number;
  slot?: Slot;
}

/** A row of the members list: the member with what a leader filters by. */
export type ListedMember = Member & { specialties: Specialty[]; town: Town; community?: string };

export interface ReviewRequest {
  brigadeId: string;
  volunteerId: string;
  approve: boolean;
}

export interface SetLeaderRequest {
  brigadeId: string;
  cardNo: string;
  /** Remove instead of appoint. */
  remove?: boolean;
}

export interface SetCoordinatorRequest {
  town: Town;
  cardNo: string;
  /** Remove instead of appoint. */
  remove?: boolean;
}

/** A person hq appointed to coordinate a town (镇区工作组 / 社工). */
export interface Coordinator {
  volunteerId: string;
  name: string;
  cardNo: string;
}

export interface CoordinatorsRequest {
  /** Only this town (hq: any; a coordinator: one of theirs). */
  town?: Town;
}

/** One town and its coordinators, earliest appointed first. */
export interface TownCoordinators {
  town: Town;
  coordinators: Coordinator[];
}

export interface SaveGroupRequest {
  brigadeId: string;
  groupId?: string;
  name: string;
  volunteerIds: string[];
}

/** One brigade with the caller's place in it and whom to contact (absent when no leader is registered). */
/** The brigade's home (大队主页): what a resident deciding whether to join sees. */
export interface BrigadeHome {
  brand?: string;
  story?: string;
  /** This calendar year (Asia/Shanghai): people served as recorded, and service hours in minutes. */
  yearPeopleServed: number;
  yearMinutes: number;
  /** Up to 3 upcoming public posts, soonest first. */
  upcoming: { postId: string; title: string; startAt: number; quota: number; confirmedCount: number }[];
  /** Up to 6 recent photos from recorded services (temporary URLs of media-checked files). */
  photos: { url: string; postTitle: string; at: number }[];
}

export type BrigadeDetail = Brigade & { myStatus?: MembershipStatus; iLead: boolean; contact?: Contact } & BrigadeHome;

/** A poster's mini program code for a brigade: a scene for a fresh invite, expiring with it. */
export interface BrigadePosterResponse {
  scene: string;
  /** The mini program code as a `data:image/png;base64,…` URL ('' when it could not be made). */
  code: string;
  inviteCode: string;
  expiresAt?: number;
}

export interface BrigadesApi {
  create: { req: CreateBrigadeRequest; res: Brigade };
  update: { req: UpdateBrigadeRequest; res: Brigade };
  list: { req: ListBrigadesRequest; res: Page<Brigade> };
  get: { req: { brigadeId: string }; res: BrigadeDetail };
  invite: { req: InviteRequest; res: InviteResponse };
  join: { req: JoinRequest; res: JoinResponse };
  apply: { req: ApplyRequest; res: JoinResponse };
  members: { req: MembersRequest; res: Page<ListedMember> };
  review: { req: ReviewRequest; res: Membership };
  setLeader: { req: SetLeaderRequest; res: { brigadeId: string; leaders: Brigade['leaders'] } };
  setCoordinator: { req: SetCoordinatorRequest; res: TownCoordinators };
  coordinators: { req: CoordinatorsRequest; res: { items: TownCoordinators[] } };
  leave: { req: { brigadeId: string }; res: Membership };
  groups: { req: { brigadeId: string }; res: { items: Group[] } };
  saveGroup: { req: SaveGroupRequest; res: Group };
  /** Leaders: a poster's code (an invite valid 30 days, its scene). */
  poster: { req: { brigadeId: string }; res: BrigadePosterResponse };
}
