import type { LedgerEntry, Page, PageRequest, ServiceRecord } from '../entities';

export interface RecordEntry {
  volunteerId: string;
  /** 0–1440; omitted → the checked-in overlap with the post's time. */
  minutes?: number;
  /** 1–5 quality rating. */
  rating: number;
  absent?: boolean;
}

export interface RecordRequest {
  postId: string;
  entries: RecordEntry[];
}

export interface AdjustRequest {
  postId: string;
  volunteerId: string;
  minutes: number;
  rating?: number;
  reason: string;
  requestId: string;
}

export interface BalanceResponse {
  balanceMinutes: number;
  earnedMinutes: number;
  donatedMinutes: number;
  receivedMinutes: number;
}

export interface TransferRequest {
  toCardNo: string;
  minutes: number;
  note?: string;
  requestId: string;
}

export interface ProofResponse {
  proofNo: string;
  issuedAt: number;
  name: string;
  cardNo: string;
  totalMinutes: number;
  brigades: string[];
  records: Pick<ServiceRecord, 'brigadeName' | 'postTitle' | 'category' | 'serviceDate' | 'minutes'>[];
  /** Signed token that a verifier can check. */
  token: string;
}

export interface TimebankApi {
  record: { req: RecordRequest; res: { recorded: number; unchanged: number } };
  adjust: { req: AdjustRequest; res: ServiceRecord };
  balance: { req: Record<string, never>; res: BalanceResponse };
  ledger: { req: PageRequest; res: Page<LedgerEntry> };
  transfer: { req: TransferRequest; res: LedgerEntry };
  proof: { req: Record<string, never>; res: ProofResponse };
}
