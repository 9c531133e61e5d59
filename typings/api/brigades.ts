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
import type { Town } from '../data';

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
}

export interface JoinResponse {
  brigadeId: string;
  status: 'active' | 'pending';
}

export interface MembersRequest extends PageRequest {
  brigadeId: string;
  status?: MembershipStatus;
}

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

export interface SaveGroupRequest {
  brigadeId: string;
  groupId?: string;
  name: string;
  volunteerIds: string[];
}

/** One brigade with the caller's place in it and whom to contact (absent when no leader is registered). */
export type BrigadeDetail = Brigade & { myStatus?: MembershipStatus; iLead: boolean; contact?: Contact };

export interface BrigadesApi {
  create: { req: CreateBrigadeRequest; res: Brigade };
  update: { req: UpdateBrigadeRequest; res: Brigade };
  list: { req: ListBrigadesRequest; res: Page<Brigade> };
  get: { req: { brigadeId: string }; res: BrigadeDetail };
  invite: { req: InviteRequest; res: InviteResponse };
  join: { req: JoinRequest; res: JoinResponse };
  members: { req: MembersRequest; res: Page<Member> };
  review: { req: ReviewRequest; res: Membership };
  setLeader: { req: SetLeaderRequest; res: { brigadeId: string; leaders: Brigade['leaders'] } };
  leave: { req: { brigadeId: string }; res: Membership };
  groups: { req: { brigadeId: string }; res: { items: Group[] } };
  saveGroup: { req: SaveGroupRequest; res: Group };
}
