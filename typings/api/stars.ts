import type { HonourAward, Page, PageRequest } from '../entities';
import type { Honour } from '../data';

export interface StarsResponse {
  level: number;
  earnedMinutes: number;
  averageRating?: number;
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
  year?: number;
  reason: string;
}

export interface HonoursRequest extends PageRequest {
  honour?: Honour;
  year?: number;
}

export interface StarsApi {
  get: { req: Record<string, never>; res: StarsResponse };
  recompute: { req: Record<string, never>; res: { checked: number; changed: number } };
  award: { req: AwardRequest; res: HonourAward & { cardNo: string; name: string } };
  honours: { req: HonoursRequest; res: Page<HonourAward & { cardNo: string; name: string }> };
}
