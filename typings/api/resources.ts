/**
 * The `resources` function: the resource platform. Who may call what: leaders and coordinators post wishes for their
 * recipients; hq reviews wishes and donors and keeps the charity projects; any registered volunteer or verified
 * donor claims a wish and fulfils it; anyone registered pledges goods; coordinators match pledges; the wall, the
 * projects and the board are public.
 */
import type { Page, PageRequest } from '../entities';
import type { Town } from '../data';
import type {
  BoardResponse,
  CharityProject,
  Donor,
  DonorStatus,
  GoodsCondition,
  Pledge,
  PledgeStatus,
  Wish,
  WishKind,
  WishStatus,
} from '../resources';

export interface SaveWishRequest {
  wishId?: string;
  recipientId: string;
  title: string;
  description: string;
  kind: WishKind;
  estimatedValue?: number;
  /** Uploaded to `wishes/<volunteerId>/…`; media-checked before anyone else sees it. */
  photoFileId?: string;
}

export interface ListWishesRequest extends PageRequest {
  town?: Town;
  /** Default: published (the wall). Other states only for those who manage them (hq; the poster's scope). */
  status?: WishStatus;
  /** The caller's claims. */
  mine?: boolean;
  /** The wall's order: newest first (default) or soonest-expiring first. */
  order?: 'newest' | 'expiring';
}

export interface SavePledgeRequest {
  what: string;
  quantity: number;
  unit: string;
  condition: GoodsCondition;
  town: Town;
  pickupFrom: number;
  pickupTo: number;
  note?: string;
  requestId: string;
}

export interface ListPledgesRequest extends PageRequest {
  town?: Town;
  status?: PledgeStatus;
  mine?: boolean;
}

export interface RegisterDonorRequest {
  name: string;
  creditCode: string;
  contactName: string;
  contactMobile: string;
  town?: Town;
  publicThanks: boolean;
}

export interface SaveProjectRequest {
  projectId?: string;
  title: string;
  summary: string;
  organisation: string;
  fundraisingQualification: string;
  platform: string;
  url: string;
  town?: Town;
  status?: 'active' | 'ended';
}

export interface ResourcesApi {
  saveWish: { req: SaveWishRequest; res: { wishId: string; status: 'pending' } };
  reviewWish: { req: { wishId: string; approve: boolean; reason?: string }; res: { status: 'published' | 'rejected' } };
  wishes: { req: ListWishesRequest; res: Page<Wish> };
  wish: { req: { wishId: string }; res: Wish };
  claimWish: { req: { wishId: string; requestId: string }; res: { status: 'claimed' } };
  fulfilWish: { req: { wishId: string; photoFileIds: string[]; note?: string }; res: { status: 'fulfilled' } };
  /** The recipient's side (the poster, the town's coordinator) confirms: thanks go out, the wish closes. */
  confirmWish: { req: { wishId: string; thanks?: string }; res: { status: 'closed' } };
  savePledge: { req: SavePledgeRequest; res: { pledgeId: string; status: 'offered' } };
  pledges: { req: ListPledgesRequest; res: Page<Pledge> };
  /** Coordinators of the pledge's town: match to a wish or a plan's need, then mark handed over. */
  matchPledge: { req: { pledgeId: string; wishId?: string; planId?: string }; res: { status: 'matched' } };
  handOverPledge: { req: { pledgeId: string }; res: { status: 'handed' } };
  withdrawPledge: { req: { pledgeId: string }; res: { status: 'withdrawn' } };
  registerDonor: { req: RegisterDonorRequest; res: { donorId: string; status: 'pending' } };
  reviewDonor: { req: { donorId: string; approve: boolean; reason?: string }; res: { status: DonorStatus } };
  /**
   * hq: donors by status (default pending), in full; a coordinator: verified donors (to call for goods), the credit
   * code and mobile masked. A donor reads its own with `myDonor`.
   */
  donors: { req: PageRequest & { status?: DonorStatus }; res: Page<Donor> };
  myDonor: { req: Record<string, never>; res: { donor?: Donor; claimed: number; fulfilled: number; wishes: Wish[] } };
  /** Public: active projects (default), newest first; `ended` ones for the record. */
  projects: { req: PageRequest & { town?: Town; status?: 'active' | 'ended' }; res: Page<CharityProject> };
  /** Public: one project (its page copies the platform link; money never moves in the app). */
  project: { req: { projectId: string }; res: CharityProject };
  saveProject: { req: SaveProjectRequest; res: CharityProject };
  board: { req: Record<string, never>; res: BoardResponse };
}
