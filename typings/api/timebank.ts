import type { LedgerEntry, Page, PageRequest, ServiceRecord } from '../entities';
import type { ServiceCategory, Town } from '../data';
import type { CodeRequest } from './volunteers';

export interface RecordEntry {
  volunteerId: string;
  /** 0–1440; omitted → the checked-in overlap with the post's time (until its end when not checked out). */
  minutes?: number;
  /** 1–5 quality rating; required unless absent. */
  rating?: number;
  /** Recorded as absent: no minutes, no rating, no credit. */
  absent?: boolean;
  /**
   * Required (≤ 100 characters, content-checked, kept on the record and counted in the brigade's figures) when
   * the minutes exceed the post's length (endAt − startAt) or the volunteer never checked in, e.g. "现场未扫码签到".
   * Nobody records their own minutes (PERMISSION_DENIED).
   */
  reason?: string;
}

export interface RecordRequest {
  postId: string;
  /** At most 100 per call; only volunteers with a confirmed sign-up on the post. */
  entries: RecordEntry[];
  /**
   * How many people the post served (recipients), as the leader counts them: counted once per post — sending the
   * same number again changes nothing, a different number replaces the one entered before.
   */
  peopleServed?: number;
}

export interface RecordResponse {
  /** Newly recorded attendees (absent ones included). */
  recorded: number;
  /** Attendees already recorded with the same values (nothing credited again). */
  unchanged: number;
}

/** A correction of a recorded attendee: the corrected total replaces the old one (reversing pair + new pair). */
export interface AdjustRequest {
  postId: string;
  volunteerId: string;
  /** The corrected total, 0–1440. */
  minutes: number;
  /** 1–5; defaults to the recorded rating. */
  rating?: number;
  reason: string;
  /**
   * Client-made idempotency key, scoped to the corrected record: the same call repeated returns the first result
   * (the record as that call left it, even after later corrections) and changes nothing; the same key with other
   * minutes, rating or reason is refused with `ALREADY_EXISTS`.
   */
  requestId: string;
}

export interface BalanceResponse {
  balanceMinutes: number;
  earnedMinutes: number;
  donatedMinutes: number;
  receivedMinutes: number;
  /** Minutes of recorded trainings (培训): never in the balance or the stars. */
  trainingMinutes: number;
  /** Minutes of redemptions not yet delivered (held in the bank's redemption account, out of the balance). */
  heldMinutes: number;
}

/**
 * 兑换服务: spend banked minutes on help for oneself or a named family member. The minutes move into the bank's
 * redemption account (held); a need opens in the matching flow of the caller's town; delivered → spent, cancelled →
 * returned. Earned minutes (stars) never change.
 */
export interface RedeemRequest {
  minutes: number;
  category: ServiceCategory;
  note: string;
  /** A family member the help is for (their name only); default: the caller. */
  forName?: string;
  requestId: string;
}

export type RedemptionStatus = 'open' | 'delivered' | 'cancelled';

export interface Redemption {
  redemptionId: string;
  minutes: number;
  category: ServiceCategory;
  note: string;
  forName?: string;
  status: RedemptionStatus;
  town: Town;
  createdAt: number;
  deliveredAt?: number;
  cancelledAt?: number;
  cancelReason?: string;
  /** The plan the coordinator made for it, once there is one. */
  planId?: string;
}

/** A training the volunteer attended (我的培训), newest first. */
export interface TrainingRecord {
  postId: string;
  postTitle: string;
  topic?: string;
  trainer?: string;
  brigadeName: string;
  serviceDate: number;
  minutes: number;
}

export interface TransferRequest {
  toCardNo: string;
  minutes: number;
  note?: string;
  /**
   * Client-made idempotency key, per sender: the same call repeated posts nothing and returns the first receipt
   * (same entry, same recipient); the same key with another card, amount or note is refused with `ALREADY_EXISTS`
   * and names nobody.
   */
  requestId: string;
}

/** 服务证明: what the volunteer shows, and what `verifyProof` confirms from its token. */
export interface ProofResponse {
  proofNo: string;
  issuedAt: number;
  name: string;
  cardNo: string;
  totalMinutes: number;
  /** Training minutes, apart from service (never in totalMinutes). */
  trainingMinutes: number;
  brigades: string[];
  /** Newest first (the latest 200 when there are more; totalMinutes always counts every one). */
  records: Pick<ServiceRecord, 'brigadeName' | 'postTitle' | 'category' | 'serviceDate' | 'minutes'>[];
  /** The trainings attended, newest first (the latest 50). */
  trainings: Pick<TrainingRecord, 'postTitle' | 'topic' | 'brigadeName' | 'serviceDate' | 'minutes'>[];
  /** Signed token that a verifier can check. */
  token: string;
  /** With `withCode`: the proof's short scene id; its mini program code opens `pages/verify/index?scene=<scene>`. */
  scene?: string;
  /** The mini program code as a `data:image/png;base64,…` URL, when asked with `withCode` and the code was made. */
  code?: string;
}

export interface VerifyProofRequest {
  token: string;
}

/**
 * What the proof showed when issued (its snapshot). `superseded`: later records or corrections changed the facts,
 * so the proof no longer tells the whole story; `currentTotalMinutes` is then today's total.
 */
export type VerifyProofResponse = Omit<ProofResponse, 'token' | 'scene' | 'code'> & {
  valid: true;
  superseded: boolean;
  currentTotalMinutes?: number;
};

export interface TimebankApi {
  record: { req: RecordRequest; res: RecordResponse };
  adjust: { req: AdjustRequest; res: ServiceRecord };
  balance: { req: Record<string, never>; res: BalanceResponse };
  trainings: { req: PageRequest; res: Page<TrainingRecord> };
  /** The same requestId repeated answers with the redemption as it stands now (its status may have moved on). */
  redeem: { req: RedeemRequest; res: { redemptionId: string; status: RedemptionStatus; balanceMinutes: number } };
  /**
   * The owner while it is open and the coordinator has not yet turned its survey into a plan, or the coordinator of
   * the town (reason required) while it is open: the minutes come back. `balanceMinutes`: the owner's balance (0
   * when the coordinator cancels).
   */
  cancelRedeem: {
    req: { redemptionId: string; reason?: string };
    res: { status: 'cancelled'; balanceMinutes: number };
  };
  /** The coordinator of the town marks the service given: the held minutes stay spent. */
  deliverRedemption: { req: { redemptionId: string }; res: { status: 'delivered' } };
  /** The caller's redemptions, newest first. */
  redemptions: { req: PageRequest; res: Page<Redemption> };
  ledger: { req: PageRequest; res: Page<LedgerEntry> };
  transfer: { req: TransferRequest; res: LedgerEntry };
  proof: { req: CodeRequest; res: ProofResponse };
  verifyProof: { req: VerifyProofRequest; res: VerifyProofResponse };
}
