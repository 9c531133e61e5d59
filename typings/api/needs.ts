import type { Availability, Need, Page, PageRequest, Recipient } from '../entities';
import type { RecipientKind, ServiceCategory, Specialty, Town } from '../data';

export interface SaveRecipientRequest {
  brigadeId: string;
  recipientId?: string;
  name: string;
  kinds: RecipientKind[];
  town: Town;
  community?: string;
  address?: string;
  lat?: number;
  lng?: number;
  note?: string;
}

export interface SaveNeedRequest {
  brigadeId: string;
  needId?: string;
  recipientId: string;
  category: ServiceCategory;
  specialties?: Specialty[];
  schedule?: Availability[];
  description: string;
}

export interface MatchCandidate {
  volunteerId: string;
  name: string;
  cardNo: string;
  score: number;
  rank: number;
  /** Why it ranks here, in Chinese (e.g. "专长匹配：医疗", "同社区", "周六上午有空", "本月已服务 2 次"). */
  reasons: string[];
}

/**
 * The routed `needs` actions: none yet. The needs domain is built by a later change, which moves each action from
 * `PlannedNeedsApi` into this map together with its code; `Actions<'needs'>` then makes that code required.
 */
export type NeedsApi = Record<never, never>;

/** Planned, not routed: the requests and responses of the needs actions still to be built. */
export interface PlannedNeedsApi {
  saveRecipient: { req: SaveRecipientRequest; res: Recipient };
  recipients: { req: PageRequest & { brigadeId: string }; res: Page<Recipient> };
  saveNeed: { req: SaveNeedRequest; res: Need };
  match: { req: { needId: string; pageSize?: number }; res: { items: MatchCandidate[] } };
  assign: { req: { needId: string; volunteerIds?: string[]; groupId?: string }; res: Need };
}
