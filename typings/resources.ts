/**
 * The resource platform (资源平台, with the city charity federation): wishes (微心愿) for recipients, donors (爱心企业),
 * goods pledges (物资捐赠) and charity projects (links to a platform the Ministry of Civil Affairs designates; money
 * never moves inside the app). Recipients appear only by `displayName` and community.
 */
import type { GOODS_CONDITIONS, Town } from './data';

/**
 * pending (awaiting hq) → published (on the wall) → claimed (one claimer) → fulfilled (photos) → closed (the
 * recipient's side confirmed, thanks sent). rejected by hq; expired when unclaimed or unfulfilled in time.
 */
export type WishStatus = 'pending' | 'rejected' | 'published' | 'claimed' | 'fulfilled' | 'closed' | 'expired';
export type WishKind = 'goods' | 'service';

export interface WishClaimer {
  /** A person by their name (masked for others: 张**), a donor by its name (only with its consent, else 爱心企业). */
  name: string;
  kind: 'person' | 'donor';
}

export interface Wish {
  wishId: string;
  recipient: { displayName: string; town: Town; community: string };
  title: string;
  description: string;
  kind: WishKind;
  /** Yuan, whole numbers. */
  estimatedValue?: number;
  /** Temporary URL of the wish's photo, once it passed the media check. */
  photoUrl?: string;
  status: WishStatus;
  reason?: string;
  brigadeId?: string;
  postedBy: string;
  createdAt: number;
  publishedAt?: number;
  claimedAt?: number;
  /** Claimed wishes must be fulfilled by then, else they go back to the wall (or expire). */
  fulfilBy?: number;
  /** Published wishes expire unclaimed at this time. */
  expiresAt?: number;
  claimer?: WishClaimer;
  /** Whether the caller is the claimer (to show 上传完成照片). */
  mine?: boolean;
  /** Whether the caller is the recipient's side (the poster, the town's coordinator): may edit and confirm. */
  manage?: boolean;
  /** The recipient's id, for the recipient's side only (editing the wish). */
  recipientId?: string;
  fulfilment?: { photoUrls: string[]; note?: string; at: number };
  closedAt?: number;
}

export type DonorStatus = 'pending' | 'verified' | 'rejected';

export interface Donor {
  donorId: string;
  name: string;
  /** 统一社会信用代码 (18 characters, check digit verified); masked for others. */
  creditCode: string;
  contactName: string;
  /** Masked except for the donor itself and hq. */
  contactMobile: string;
  town?: Town;
  status: DonorStatus;
  reason?: string;
  /** Thanked by name on the public board only with this consent. */
  publicThanks: boolean;
  registeredAt: number;
}

export type PledgeStatus = 'offered' | 'matched' | 'handed' | 'withdrawn';
export type GoodsCondition = (typeof GOODS_CONDITIONS)[number];

export interface Pledge {
  pledgeId: string;
  what: string;
  quantity: number;
  unit: string;
  condition: GoodsCondition;
  town: Town;
  /** When the goods can be picked up. */
  pickupFrom: number;
  pickupTo: number;
  status: PledgeStatus;
  /** Who offers (a person's masked name or the donor's name). */
  by: string;
  note?: string;
  /** What it was matched to. */
  match?: { wishId?: string; planId?: string; title: string };
  createdAt: number;
  matchedAt?: number;
  handedAt?: number;
  /** Whether the caller offered it (to show 撤回). */
  mine?: boolean;
  /** Whom to call for the pickup: only for the coordinators of the pledge's town and hq, while offered or matched. */
  contact?: { name: string; mobile: string };
}

export interface CharityProject {
  projectId: string;
  title: string;
  summary: string;
  organisation: string;
  /** The organisation's public-fundraising qualification (公开募捐资格), as registered. */
  fundraisingQualification: string;
  /** The designated platform (e.g. 腾讯公益) and the project's page there. */
  platform: string;
  url: string;
  town?: Town;
  status: 'active' | 'ended';
  updatedAt: number;
}

/** The public board: what was asked, claimed and fulfilled, by town; donors thanked with consent. */
export interface BoardResponse {
  total: { asked: number; claimed: number; fulfilled: number; pledged: number; handed: number };
  byTown: { town: Town; asked: number; claimed: number; fulfilled: number }[];
  /** Donors who consented, most fulfilled first. */
  thanks: { name: string; fulfilled: number }[];
}
