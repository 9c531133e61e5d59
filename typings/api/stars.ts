import type { HonourAward, Page, PageRequest } from '../entities';
import type { Honour } from '../data';

export interface StarsResponse {
  /** 0 (none) to 5. */
  level: number;
  /** Confirmed service minutes (never received donations). */
  earnedMinutes: number;
  /** Average quality rating, two decimals; absent before the first rating. */
  averageRating?: number;
  /** Absent at the top level. */
  next?: {
    level: number;
    /** Still missing (0 when met). */
    minutesNeeded: number;
    /** Still missing (0 when met). */
    tenureNeededDays: number;
    /** The threshold. */
    ratingNeeded: number;
  };
}

export interface AwardRequest {
  cardNo: string;
  honour: Honour;
  /** Required for 优秀义工 (yearly); 功勋义工 is awarded once. */
  year?: number;
  reason: string;
}

export interface HonoursRequest extends PageRequest {
  honour?: Honour;
  year?: number;
}

export interface RecomputeResponse {
  checked: number;
  changed: number;
  /** False when the run stopped at its time budget; the next run starts over. */
  done: boolean;
}

export interface StarsApi {
  get: { req: Record<string, never>; res: StarsResponse };
  recompute: { req: Record<string, never>; res: RecomputeResponse };
  award: { req: AwardRequest; res: HonourAward & { cardNo: string; name: string } };
  honours: { req: HonoursRequest; res: Page<HonourAward & { cardNo: string; name: string }> };
}
